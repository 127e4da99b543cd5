import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Database } from './database';

/**
 * Provides the already opened database (opened and migration-checked by the
 * bootstrap, so a node never starts against a stale schema).
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(private readonly database: Database) {}

  static forDatabase(database: Database) {
    const providers = [
      { provide: Database, useValue: database },
      { provide: DataSource, useValue: database.dataSource },
    ];
    return { module: DatabaseModule, providers, exports: providers.map((p) => p.provide) };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
