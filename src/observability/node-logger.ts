import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { currentRequestId } from '../shared/request-context';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Structured logs carrying the node id and the request id. Messages must
 * never contain health data or personal identifiers.
 */
export class NodeLogger extends ConsoleLogger {
  constructor(
    private readonly nodeId: string,
    level: LogLevel,
    format: 'json' | 'text',
  ) {
    super(nodeId, {
      json: format === 'json',
      logLevels: LEVELS.slice(0, LEVELS.indexOf(level) + 1),
      colors: false,
    });
  }

  protected override getJsonLogObject(
    message: unknown,
    options: Parameters<ConsoleLogger['getJsonLogObject']>[1],
  ) {
    const entry = super.getJsonLogObject(message, options);
    const requestId = currentRequestId();
    return { ...entry, node: this.nodeId, ...(requestId ? { requestId } : {}) };
  }
}
