import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseConfig } from '../../src/config/app-config';
import { MEMORY_DATA_DIR } from '../../src/database/database';

/**
 * Tests run on the embedded PostgreSQL unless TEST_DATABASE_URL names a
 * server; there each test database is created fresh and dropped afterwards.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export interface TestDatabase {
  readonly config: DatabaseConfig;
  drop(): Promise<void>;
}

export function assertTestDatabaseUrl(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('test')) {
    throw new Error(
      `TEST_DATABASE_URL must name a database whose name contains "test" (got "${name}")`,
    );
  }
}

/** `onDisk`: the embedded database keeps its data in a folder, so a node can restart on it. */
export async function createTestDatabase(
  label: string,
  options: { onDisk?: boolean } = {},
): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    if (!options.onDisk)
      return { config: { dataDir: MEMORY_DATA_DIR }, drop: async () => undefined };
    const dataDir = mkdtempSync(join(tmpdir(), `spe-test-${label}-`));
    return {
      config: { dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  assertTestDatabaseUrl(TEST_DATABASE_URL);
  const name = `spe_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin(async (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    config: { url: url.toString(), dataDir: MEMORY_DATA_DIR },
    drop: async () => {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
