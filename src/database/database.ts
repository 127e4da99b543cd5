import { mkdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { openPGlite, pgliteDriver } from './pglite-pool';

export const MEMORY_DATA_DIR = 'memory://';

/**
 * The node's database: a PostgreSQL server when a URL is configured,
 * otherwise the embedded PostgreSQL. Both get the same migrations and SQL.
 */
export class Database {
  private constructor(
    readonly dataSource: DataSource,
    private readonly closeEmbedded: () => Promise<void>,
  ) {}

  static async open(config: DatabaseConfig): Promise<Database> {
    const common = {
      type: 'postgres' as const,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsTableName: 'schema_migrations',
      migrationsTransactionMode: 'each' as const,
      synchronize: false,
    };
    if (config.url) {
      const dataSource = new DataSource({
        ...common,
        url: config.url,
        applicationName: 'spe-node',
      });
      await dataSource.initialize();
      return new Database(dataSource, async () => undefined);
    }
    if (config.dataDir !== MEMORY_DATA_DIR) mkdirSync(config.dataDir, { recursive: true });
    const embedded = await openPGlite(config.dataDir);
    const dataSource = new DataSource({
      ...common,
      driver: pgliteDriver(embedded),
      installExtensions: false,
      uuidExtension: 'pgcrypto',
    });
    try {
      await dataSource.initialize();
    } catch (error) {
      await embedded.close();
      throw error;
    }
    return new Database(dataSource, () => embedded.close());
  }

  async migrate(): Promise<string[]> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  }

  async pendingMigrations(): Promise<boolean> {
    return this.dataSource.showMigrations();
  }

  private closing?: Promise<void>;

  /** Idempotent: the application's shutdown and a failed start may both call it. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
      await this.closeEmbedded();
    })();
    return this.closing;
  }
}
