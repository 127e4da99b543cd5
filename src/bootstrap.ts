import { INestApplication, Logger, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { Database } from './database/database';
import { PROTO_FILES, PROTO_LOADER_OPTIONS, PROTO_PACKAGE } from './grpc/proto';
import { MtlsGrpcServer, RefusedHandshake } from './grpc/mtls-grpc.server';
import { setupOpenApi } from './http/openapi';
import { AuditService } from './modules/audit/application/audit.service';
import { loadFederationMaterial } from './modules/federation/infrastructure/federation-material';
import { MetricsService } from './observability/metrics.service';
import { Clock, SystemClock } from './shared/clock';

export interface RunningNode {
  readonly app: INestApplication;
  readonly config: AppConfig;
  readonly httpUrl: string;
  readonly grpcAddress: string;
  close(): Promise<void>;
}

export class SchemaNotMigratedError extends Error {
  override readonly name = 'SchemaNotMigratedError';
}

/**
 * Starts one node: HTTP (REST, OpenAPI, health, metrics) and gRPC with
 * mutual TLS in one process. Fails, leaving nothing running, if the
 * federation material is incoherent or the database schema is behind.
 */
export async function startNode(
  config: AppConfig,
  options: {
    clock?: Clock;
    logger?: LoggerService | false;
    /** An already opened database (an embedded one in memory, say); the node closes it. */
    database?: Database;
  } = {},
): Promise<RunningNode> {
  let material;
  try {
    material = loadFederationMaterial(config.federation, config.node);
  } catch (error) {
    await options.database?.close();
    throw error;
  }
  const database = options.database ?? (await Database.open(config.database));
  let app: INestApplication | undefined;
  try {
    if (await database.pendingMigrations()) {
      throw new SchemaNotMigratedError(
        `The database of node ${config.node.id} has pending migrations: run "spe db migrate" first`,
      );
    }
    app = await NestFactory.create(
      AppModule.forNode({ config, database, material, clock: options.clock ?? new SystemClock() }),
      { logger: options.logger ?? new Logger(), abortOnError: false },
    );
    app.getHttpAdapter().getInstance().disable('x-powered-by');
    setupOpenApi(app, config.node.id);

    const audit = app.get(AuditService);
    const metrics = app.get(MetricsService);
    const logger = new Logger('GrpcTls');
    const onRefusedHandshake = (refusal: RefusedHandshake) => {
      metrics.tlsRefusals.inc();
      audit
        .record({
          channel: 'tls',
          actor: { kind: 'anonymous' },
          action: 'grpc.tls.handshake',
          outcome: 'denied',
          errorCode: 'PEER.UNAUTHENTICATED',
          details: { ...refusal },
        })
        .catch((error: unknown) => logger.error(`Audit of a refused handshake failed: ${error}`));
    };
    const grpcAddress = `${config.grpc.host}:${config.grpc.port}`;
    app.connectMicroservice<MicroserviceOptions>(
      {
        strategy: new MtlsGrpcServer(
          {
            package: PROTO_PACKAGE,
            protoPath: PROTO_FILES,
            url: grpcAddress,
            loader: PROTO_LOADER_OPTIONS,
          },
          { ...material.tls, onRefusedHandshake },
        ),
      },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
    await app.listen(config.http.port, config.http.host);
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const running = app;
    return {
      app: running,
      config,
      httpUrl: `http://${config.http.host}:${port}`,
      grpcAddress,
      close: () => running.close(),
    };
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
}
