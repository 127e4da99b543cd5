import { Logger } from '@nestjs/common';

/**
 * Work repeated every `intervalMs` until stopped: never two runs at once, a
 * failure logged and left to the next run. The timer does not keep the
 * process alive.
 */
export class Recurring {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private readonly logger: Logger;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.runNow(), this.intervalMs).unref();
  }

  /** Runs the task now unless it is running; resolves when this run ends. */
  runNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.task()
      .catch((error: unknown) =>
        this.logger.error(`${this.name} failed: ${(error as Error).message}`),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
