import 'reflect-metadata';
import { startNode } from './bootstrap';
import { ConfigError } from './config/config.error';
import { loadConfig } from './config/load-config';
import { NodeLogger } from './observability/node-logger';

const EX_CONFIG = 78;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = new NodeLogger(config.node.id, config.log.level, config.log.format);
  const node = await startNode(config, { logger });
  logger.log(
    `Node ${config.node.id} (${config.node.country}) serving HTTP at ${node.httpUrl} ` +
      `and gRPC with mutual TLS at ${node.grpcAddress}`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, stopping`);
    node.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Unclean stop: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(EX_CONFIG);
  }
  process.stderr.write(
    `The node could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
