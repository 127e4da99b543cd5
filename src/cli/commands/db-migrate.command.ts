import { loadDatabaseConfig } from '../../config/load-config';
import { Database } from '../../database/database';
import { Command } from '../command';

export const dbMigrateCommand: Command = {
  name: 'db migrate',
  summary: "Apply pending migrations to the node's database",
  help: `Usage: spe db migrate

Applies every pending migration to the database of the node configured by
the environment: DATABASE_URL (a PostgreSQL server) or, without it, the
embedded PostgreSQL in DATA_DIR (default .data/<NODE_ID>). NODE_ID is required.`,
  options: {},
  async run() {
    const config = loadDatabaseConfig(process.env);
    const applied = await migrateDatabase(config);
    process.stdout.write(
      applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date.\n',
    );
    return 0;
  },
};

export async function migrateDatabase(
  config: Parameters<typeof Database.open>[0],
): Promise<string[]> {
  const database = await Database.open(config);
  try {
    return await database.migrate();
  } finally {
    await database.close();
  }
}
