import { DynamicModule, Global, Module } from '@nestjs/common';
import {
  AppConfig,
  AuditConfig,
  DatabaseConfig,
  FederationConfig,
  GrpcConfig,
  HttpConfig,
  IdentityConfig,
  LifecycleConfig,
  LogConfig,
  NodeConfig,
  UseConfig,
} from './app-config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [
      { provide: NodeConfig, useValue: config.node },
      { provide: HttpConfig, useValue: config.http },
      { provide: GrpcConfig, useValue: config.grpc },
      { provide: DatabaseConfig, useValue: config.database },
      { provide: FederationConfig, useValue: config.federation },
      { provide: IdentityConfig, useValue: config.identity },
      { provide: LogConfig, useValue: config.log },
      { provide: UseConfig, useValue: config.use },
      { provide: LifecycleConfig, useValue: config.lifecycle },
      { provide: AuditConfig, useValue: config.audit },
    ];
    return { module: ConfigModule, providers, exports: providers.map((p) => p.provide) };
  }
}
