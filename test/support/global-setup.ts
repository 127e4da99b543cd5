import { Client } from 'pg';
import { assertTestDatabaseUrl, TEST_DATABASE_URL } from './test-database';

/** Refuses a database that is not a test database, and fails early if the server is down. */
export default async function globalSetup(): Promise<void> {
  if (!TEST_DATABASE_URL) return;
  assertTestDatabaseUrl(TEST_DATABASE_URL);
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.end();
}
