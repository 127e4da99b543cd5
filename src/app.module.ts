import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { Database } from './database/database';
import { DatabaseModule } from './database/database.module';
import { TypeOrmUnitOfWork } from './database/typeorm-unit-of-work';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { AuditModule } from './modules/audit/audit.module';
import { CatalogueModule } from './modules/catalogue/catalogue.module';
import { IdentityModule } from './modules/identity/identity.module';
import { PermitsModule } from './modules/permits/permits.module';
import { WorkspacesModule } from './modules/workspaces/workspaces.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { LifecycleModule } from './modules/lifecycle/lifecycle.module';
import { FederationModule } from './modules/federation/federation.module';
import { FederationMaterial } from './modules/federation/infrastructure/federation-material';
import { HealthModule } from './modules/health/health.module';
import { HttpAuditMiddleware } from './modules/audit/transport/http-audit.middleware';
import { HttpMetricsMiddleware } from './observability/http-metrics.middleware';
import { ObservabilityModule } from './observability/observability.module';
import { Clock } from './shared/clock';
import { UnitOfWork } from './shared/transaction';
import { ExceptionsFilter } from './transport/exceptions.filter';

export interface NodeDependencies {
  readonly config: AppConfig;
  readonly database: Database;
  readonly material: FederationMaterial;
  readonly clock: Clock;
}

@Global()
@Module({})
class CoreModule {
  static with(clock: Clock): DynamicModule {
    const providers = [
      { provide: Clock, useValue: clock },
      { provide: UnitOfWork, useClass: TypeOrmUnitOfWork },
    ];
    return { module: CoreModule, providers, exports: [Clock, UnitOfWork] };
  }
}

@Module({})
export class AppModule implements NestModule {
  static forNode(deps: NodeDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(deps.config),
        DatabaseModule.forDatabase(deps.database),
        CoreModule.with(deps.clock),
        ObservabilityModule,
        AuditModule,
        IdentityModule,
        HealthModule,
        FederationModule.forMaterial(deps.material),
        CatalogueModule,
        PermitsModule,
        WorkspacesModule,
        JobsModule,
        LifecycleModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ExceptionsFilter }],
    };
  }

  /** HTTP middleware in the order it must run: request id first, then metrics and audit. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(RequestContextMiddleware, HttpMetricsMiddleware, HttpAuditMiddleware)
      .forRoutes('*path');
  }
}
