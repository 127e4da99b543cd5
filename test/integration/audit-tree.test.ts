import { Client } from 'pg';
import { Database, MEMORY_DATA_DIR } from '../../src/database/database';
import { TypeOrmUnitOfWork } from '../../src/database/typeorm-unit-of-work';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { AuditTreeService } from '../../src/modules/audit/application/audit-tree.service';
import { TreeHeadSigner } from '../../src/modules/audit/application/tree-head-signer.port';
import { recordLeafHash } from '../../src/modules/audit/domain/audit-record';
import { verifyConsistency, verifyInclusion } from '../../src/modules/audit/domain/merkle-proofs';
import { MerkleTree } from '../../src/modules/audit/domain/merkle-tree';
import { SignedTreeHead, TreeHead } from '../../src/modules/audit/domain/tree-head';
import { SqlAuditTreeStore } from '../../src/modules/audit/infrastructure/sql-audit-tree-store';
import { TypeOrmAuditLog } from '../../src/modules/audit/infrastructure/typeorm-audit-log';
import { SystemClock } from '../../src/shared/clock';
import { createTestDatabase, TEST_DATABASE_URL, TestDatabase } from '../support/test-database';

/** Signing is not what these tests are about. */
class UnsignedHeads extends TreeHeadSigner {
  async sign(head: TreeHead): Promise<SignedTreeHead> {
    return { ...head, issuer: 'de', jws: `unsigned.${head.treeSize}` };
  }
  async verify(): Promise<undefined> {
    return undefined;
  }
}

const engines: [string, () => Promise<TestDatabase>, boolean][] = [
  [
    'the embedded PostgreSQL (PGlite)',
    async () => ({ config: { dataDir: MEMORY_DATA_DIR }, drop: async () => undefined }),
    false,
  ],
];
if (TEST_DATABASE_URL)
  engines.push([
    'the PostgreSQL server of TEST_DATABASE_URL',
    () => createTestDatabase('audit_tree'),
    true,
  ]);

describe.each(engines)('the audit tree on %s', (_name, create, concurrent) => {
  let testDb: TestDatabase;
  let database: Database;
  let audit: AuditService;
  let tree: AuditTreeService;

  // Opening and migrating the embedded database compiles its WebAssembly: slow on a busy machine.
  beforeAll(async () => {
    testDb = await create();
    database = await Database.open(testDb.config);
    await database.migrate();
    const dataSource = database.dataSource;
    audit = new AuditService(new TypeOrmAuditLog(dataSource), new SystemClock());
    tree = new AuditTreeService(
      new SqlAuditTreeStore(dataSource),
      new UnsignedHeads(),
      new TypeOrmUnitOfWork(dataSource),
      new SystemClock(),
      { id: 'de', country: 'DE', hdabName: 'HDAB DE', contactEmail: 'hdab@de.invalid' },
    );
  }, 180_000);

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  const record = (action: string) =>
    audit.record({
      channel: 'internal',
      actor: { kind: 'system' },
      action,
      outcome: 'success',
      details: { n: action },
    });

  /** The tree rebuilt from the entries as stored, the way a verifier does. */
  const rebuilt = async (size: number) => {
    const leaves = [];
    for (let start = 0; start < size; start += 1000) {
      const page = await tree.leaves(start, Math.min(start + 1000, size));
      leaves.push(...page.leaves.map((l) => recordLeafHash(l.record!)));
    }
    return MerkleTree.of(leaves);
  };

  it('gives every entry a place, and proves inclusion and consistency at every size from 1 to 100', async () => {
    const roots: Buffer[] = [];
    const failures: string[] = [];
    const inclusion = async (i: number, n: number) => {
      const proof = await tree.inclusionProof({ index: i }, n);
      if (!verifyInclusion(i, n, proof.leafHash, proof.path, roots[n - 1]!))
        failures.push(`${i}∈${n}`);
    };
    const consistency = async (m: number, n: number) => {
      const proof = await tree.consistencyProof(m, n);
      if (!verifyConsistency(m, n, roots[m - 1]!, roots[n - 1]!, proof)) failures.push(`${m}→${n}`);
    };
    for (let n = 1; n <= 100; n += 1) {
      await record(`test.entry-${n}`);
      expect(await tree.sync()).toBe(1);
      expect(await tree.size()).toBe(n);
      roots.push(await tree.root(n));
      // Each new tree: its first and newest leaf, and that it extends the one before.
      await inclusion(0, n);
      await inclusion(n - 1, n);
      if (n > 1) await consistency(n - 1, n);
    }
    // The tree of 100 from the stored hashes: every leaf, and every earlier tree.
    for (let i = 0; i < 100; i += 1) await inclusion(i, 100);
    for (let m = 1; m < 100; m += 1) await consistency(m, 100);
    expect(failures).toEqual([]);
    // The roots are those of the tree rebuilt from the entries as stored (the domain
    // tests check every proof of every tree of 1 to 100 leaves against RFC 6962).
    const reference = await rebuilt(100);
    expect(roots.map((r) => r.toString('hex'))).toEqual(
      roots.map((_, n) => reference.root(n + 1).toString('hex')),
    );
    const page = await tree.leaves(0, 100);
    expect(page.leaves.map((l) => l.hash.toString('hex'))).toEqual(
      page.leaves.map((l) => recordLeafHash(l.record!).toString('hex')),
    );
  });

  it('appends thousands of entries in batches and keeps every earlier tree a prefix', async () => {
    const before = await tree.signHead();
    await database.dataSource.query(
      `INSERT INTO audit_log (occurred_at, channel, actor_kind, action, outcome, details)
       SELECT now(), 'internal', 'system', 'test.bulk', 'success', jsonb_build_object('i', i)
         FROM generate_series(1, 4500) AS i`,
    );
    expect(await tree.sync()).toBe(4500);
    const after = await tree.signHead({ ifGrown: true });
    expect(after.treeSize).toBe(before.treeSize + 4500);
    expect(await tree.signHead({ ifGrown: true })).toMatchObject({ treeSize: after.treeSize });
    const proof = await tree.consistencyProof(before.treeSize, after.treeSize);
    expect(
      verifyConsistency(before.treeSize, after.treeSize, before.rootHash, after.rootHash, proof),
    ).toBe(true);
    expect((await rebuilt(after.treeSize)).root().equals(after.rootHash)).toBe(true);
    const last = await tree.inclusionProof({ index: after.treeSize - 1 });
    expect(
      verifyInclusion(last.index, after.treeSize, last.leafHash, last.path, after.rootHash),
    ).toBe(true);
  });

  it('keeps its tables append-only, as the log is', async () => {
    const q = (sql: string) => database.dataSource.query(sql);
    await expect(q(`UPDATE audit_leaf SET leaf_hash = leaf_hash`)).rejects.toThrow(
      /audit_leaf is append-only/,
    );
    await expect(q(`DELETE FROM audit_subtree`)).rejects.toThrow(/append-only/);
    await expect(q(`TRUNCATE audit_tree_head`)).rejects.toThrow(/append-only/);
  });

  it('refuses proofs for trees it does not have and entries not in the tree', async () => {
    const size = await tree.size();
    await expect(tree.consistencyProof(1, size + 1)).rejects.toMatchObject({
      code: 'AUDIT.TREE_SIZE_INVALID',
    });
    await expect(tree.consistencyProof(5, 4)).rejects.toMatchObject({
      code: 'AUDIT.TREE_SIZE_INVALID',
    });
    await expect(tree.inclusionProof({ index: 10 }, 10)).rejects.toMatchObject({
      code: 'AUDIT.NOT_IN_TREE',
    });
    await expect(tree.inclusionProof({ seq: '999999999' })).rejects.toMatchObject({
      code: 'AUDIT.NOT_IN_TREE',
    });
  });

  // The embedded database has one session: transactions cannot overlap there.
  if (concurrent) {
    it('places entries committed out of seq order after those already placed, never between', async () => {
      const url = testDb.config.url!;
      const slow = new Client({ connectionString: url });
      await slow.connect();
      try {
        await slow.query('BEGIN');
        await slow.query(
          `INSERT INTO audit_log (occurred_at, channel, actor_kind, action, outcome)
           VALUES (now(), 'internal', 'system', 'test.slow', 'success') RETURNING seq`,
        );
        await record('test.fast');
        expect(await tree.sync()).toBe(1);
        const head = await tree.signHead();
        const placed = await tree.leaves(head.treeSize - 1, head.treeSize);
        expect(placed.leaves[0]!.record!.action).toBe('test.fast');
        await slow.query('COMMIT');
        expect(await tree.sync()).toBe(1);
        const next = await tree.signHead();
        const [fast, slowLeaf] = (await tree.leaves(head.treeSize - 1, next.treeSize)).leaves;
        expect([fast!.record!.action, slowLeaf!.record!.action]).toEqual([
          'test.fast',
          'test.slow',
        ]);
        expect(Number(slowLeaf!.record!.seq)).toBeLessThan(Number(fast!.record!.seq));
        const proof = await tree.consistencyProof(head.treeSize, next.treeSize);
        expect(
          verifyConsistency(head.treeSize, next.treeSize, head.rootHash, next.rootHash, proof),
        ).toBe(true);
      } finally {
        await slow.end();
      }
    });
  }
});
