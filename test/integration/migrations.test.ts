import { Database, MEMORY_DATA_DIR } from '../../src/database/database';
import { MIGRATIONS } from '../../src/database/migrations';
import { TypeOrmUnitOfWork } from '../../src/database/typeorm-unit-of-work';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { TypeOrmAuditLog } from '../../src/modules/audit/infrastructure/typeorm-audit-log';
import { SystemClock } from '../../src/shared/clock';
import { createTestDatabase, TEST_DATABASE_URL, TestDatabase } from '../support/test-database';

const engines: [string, () => Promise<TestDatabase>][] = [
  [
    'the embedded PostgreSQL (PGlite)',
    async () => ({ config: { dataDir: MEMORY_DATA_DIR }, drop: async () => undefined }),
  ],
];
if (TEST_DATABASE_URL)
  engines.push([
    'the PostgreSQL server of TEST_DATABASE_URL',
    () => createTestDatabase('migrations'),
  ]);

describe.each(engines)('migrations on %s', (_name, create) => {
  let testDb: TestDatabase;
  let database: Database;

  // Opening the embedded database compiles PostgreSQL's WebAssembly: slow on a busy machine.
  beforeAll(async () => {
    testDb = await create();
    database = await Database.open(testDb.config);
  }, 180_000);

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('apply to an empty database, then leave nothing pending', async () => {
    expect(await database.pendingMigrations()).toBe(true);
    expect(await database.migrate()).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await database.pendingMigrations()).toBe(false);
    expect(await database.migrate()).toEqual([]);
  });

  it('make the audit log append-only: no update, delete or truncate', async () => {
    const audit = new AuditService(new TypeOrmAuditLog(database.dataSource), new SystemClock());
    await audit.record({
      channel: 'internal',
      actor: { kind: 'system' },
      action: 'test.append',
      outcome: 'success',
    });
    const q = (sql: string) => database.dataSource.query(sql);
    await expect(q(`UPDATE audit_log SET outcome = 'denied'`)).rejects.toThrow(/append-only/);
    await expect(q(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(q(`TRUNCATE audit_log CASCADE`)).rejects.toThrow(/append-only/);
    const [{ count }] = await q(
      `SELECT count(*) AS count FROM audit_log WHERE action = 'test.append'`,
    );
    expect(count).toBe('1');
  });

  it('write an audit entry in the transaction of the change it records, or not at all', async () => {
    const audit = new AuditService(new TypeOrmAuditLog(database.dataSource), new SystemClock());
    const unitOfWork = new TypeOrmUnitOfWork(database.dataSource);
    const event = { channel: 'internal', actor: { kind: 'system' }, outcome: 'success' } as const;

    await expect(
      unitOfWork.run(async (tx) => {
        await audit.record({ ...event, action: 'test.rolled-back' }, tx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // Work outside the transaction meanwhile is not lost or mixed in (PGlite serialises sessions).
    await Promise.all([
      unitOfWork.run((tx) => audit.record({ ...event, action: 'test.committed' }, tx)),
      audit.record({ ...event, action: 'test.outside' }),
    ]);

    const actions = (await audit.query({ actorKind: 'system' })).map((e) => e.action);
    expect(actions).not.toContain('test.rolled-back');
    expect(actions).toEqual(expect.arrayContaining(['test.committed', 'test.outside']));
  });
});
