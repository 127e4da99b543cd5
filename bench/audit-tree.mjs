// Audit tree benchmark: appends per second with the tree maintained, then
// the tree at N entries (default 1,000,000): time to take in a backlog,
// signed heads, inclusion and consistency proofs (size and time), storage,
// and `spe audit verify` of the whole log against a running node.
//
//   npm run build
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55433/spe_bench node bench/audit-tree.mjs 1000000
//
// The database named by BENCH_DATABASE_URL is dropped and created again.
import { execFileSync, spawn } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const dist = (path) => require(join(import.meta.dirname, '..', 'dist', path));
const { Database } = dist('database/database.js');
const { TypeOrmUnitOfWork } = dist('database/typeorm-unit-of-work.js');
const { AuditService } = dist('modules/audit/application/audit.service.js');
const { AuditTreeService } = dist('modules/audit/application/audit-tree.service.js');
const { TypeOrmAuditLog } = dist('modules/audit/infrastructure/typeorm-audit-log.js');
const { SqlAuditTreeStore } = dist('modules/audit/infrastructure/sql-audit-tree-store.js');
const { JoseTreeHeadSigner } = dist('modules/audit/infrastructure/jose-tree-heads.js');
const { verifyInclusion, verifyConsistency } = dist('modules/audit/domain/merkle-proofs.js');
const { readLocalNodes } = dist('cli/federation-folder.js');

const total = Number(process.argv[2] ?? 1_000_000);
const writers = Number(process.env.BENCH_WRITERS ?? 8);
const appendSeconds = Number(process.env.BENCH_APPEND_SECONDS ?? 30);
const url = process.env.BENCH_DATABASE_URL;
if (!url || !new URL(url).pathname.includes('bench')) {
  console.error(
    'Set BENCH_DATABASE_URL to a database whose name contains "bench" (it is dropped).',
  );
  process.exit(2);
}
const spe = join(import.meta.dirname, '..', 'dist', 'cli', 'spe.js');
const results = {};
const log = (line) => console.error(line);
const seconds = (ms) => Math.round(ms) / 1000;

// A fresh database, migrated as an operator would.
const name = new URL(url).pathname.slice(1);
const admin = new pg.Client({
  connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
});
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
execFileSync('node', [spe, 'db', 'migrate'], {
  env: { ...process.env, NODE_ID: 'de', DATABASE_URL: url },
  stdio: 'inherit',
});

// A one-node development federation: the node's signing key signs the heads below.
const dir = mkdtempSync(join(tmpdir(), 'spe-bench-federation-'));
execFileSync(
  'node',
  [
    spe,
    'federation',
    'init',
    '--dir',
    dir,
    '--countries',
    'DE',
    '--http-port-base',
    '43101',
    '--grpc-port-base',
    '43151',
  ],
  { stdio: 'ignore' },
);
const { d, ...publicJwk } = JSON.parse(readFileSync(join(dir, 'de', 'signing.jwk.json'), 'utf8'));
const material = {
  self: { id: 'de' },
  signing: { privateKey: createPrivateKey({ key: { ...publicJwk, d }, format: 'jwk' }), publicJwk },
};

const database = await Database.open({ url, dataDir: 'unused' });
const dataSource = database.dataSource;
const clock = { now: () => new Date() };
const audit = new AuditService(new TypeOrmAuditLog(dataSource), clock);
const tree = new AuditTreeService(
  new SqlAuditTreeStore(dataSource),
  new JoseTreeHeadSigner(material, undefined),
  new TypeOrmUnitOfWork(dataSource),
  clock,
  { id: 'de' },
);

/** What an HTTP access entry looks like. */
const event = (i) => ({
  channel: 'http',
  actor: {
    kind: 'user',
    id: `https://dev-issuer.ehds.example#researcher-${i % 500}`,
    role: 'researcher',
  },
  action: 'GET /v1/jobs/:id',
  outcome: 'success',
  details: { status: 200 },
});

async function appendFor(ms, maintain) {
  let count = 0;
  let stop = false;
  const until = Date.now() + ms;
  const writer = async (w) => {
    for (let i = w; Date.now() < until; i += writers) {
      await audit.record(event(i));
      count += 1;
    }
  };
  // The node's own schedule, compressed: take in new entries every second, sign every ten.
  const maintainer = async () => {
    let lastHead = Date.now();
    while (!stop) {
      await tree.sync();
      if (Date.now() - lastHead > 10_000) {
        await tree.signHead({ ifGrown: true });
        lastHead = Date.now();
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  const started = Date.now();
  const maintaining = maintain ? maintainer() : Promise.resolve();
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  const elapsed = Date.now() - started;
  stop = true;
  await maintaining;
  const [{ pending }] = await dataSource.query(
    `SELECT count(*) AS pending FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_leaf l WHERE l.seq = a.seq)`,
  );
  const caughtUp = Date.now();
  await tree.sync();
  return {
    entries: count,
    appendsPerSecond: Math.round(count / (elapsed / 1000)),
    pendingWhenWritersStopped: Number(pending),
    catchUpSeconds: seconds(Date.now() - caughtUp),
  };
}

log(`Appending for ${appendSeconds} s with ${writers} writers, the tree not maintained`);
results.appendsAlone = await appendFor(appendSeconds * 1000, false);
log(`Appending for ${appendSeconds} s with ${writers} writers, the tree maintained`);
results.appendsWithTree = await appendFor(appendSeconds * 1000, true);

// The rest of the million as a backlog, as after a migration or a long stop.
const [{ n }] = await dataSource.query(`SELECT count(*) AS n FROM audit_log`);
const backlog = total - Number(n);
log(`Inserting a backlog of ${backlog} entries`);
await dataSource.query(
  `INSERT INTO audit_log (occurred_at, request_id, channel, actor_kind, actor_id, action, outcome, details)
   SELECT now(), 'req-' || i, 'http', 'user', 'https://dev-issuer.ehds.example#researcher-' || (i % 500),
          'GET /v1/jobs/:id', 'success', '{"status": 200, "role": "researcher"}'
     FROM generate_series(1, $1) AS i`,
  [backlog],
);
let started = Date.now();
const added = await tree.sync();
const backlogMs = Date.now() - started;
results.backlog = {
  entries: added,
  seconds: seconds(backlogMs),
  entriesPerSecond: Math.round(added / (backlogMs / 1000)),
};

started = Date.now();
const head = await tree.signHead();
results.signHeadMilliseconds = Date.now() - started;
results.treeSize = head.treeSize;

const timed = async (fn) => {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 };
};
const stats = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return {
    mean: +(ms.reduce((s, x) => s + x, 0) / ms.length).toFixed(2),
    p50: +at(0.5).toFixed(2),
    p99: +at(0.99).toFixed(2),
  };
};
const random = (max) => Math.floor(Math.random() * max);
const size = head.treeSize;

log('1,000 inclusion proofs at random places');
const inclusion = { ms: [], verifyMs: [], hashes: [] };
for (let i = 0; i < 1000; i += 1) {
  const { value: proof, ms } = await timed(() =>
    tree.inclusionProof({ index: random(size) }, size),
  );
  inclusion.ms.push(ms);
  inclusion.hashes.push(proof.path.length);
  const v = await timed(() =>
    verifyInclusion(proof.index, size, proof.leafHash, proof.path, head.rootHash),
  );
  if (!v.value) throw new Error(`inclusion proof of ${proof.index} does not verify`);
  inclusion.verifyMs.push(v.ms);
}
log('1,000 consistency proofs between random sizes');
const consistency = { ms: [], verifyMs: [], hashes: [] };
for (let i = 0; i < 1000; i += 1) {
  const first = 1 + random(size - 1);
  const { value: proof, ms } = await timed(() => tree.consistencyProof(first, size));
  consistency.ms.push(ms);
  consistency.hashes.push(proof.length);
  const firstRoot = await tree.root(first);
  const v = await timed(() => verifyConsistency(first, size, firstRoot, head.rootHash, proof));
  if (!v.value) throw new Error(`consistency proof from ${first} does not verify`);
  consistency.verifyMs.push(v.ms);
}
const proofSummary = (p) => ({
  hashes: { min: Math.min(...p.hashes), max: Math.max(...p.hashes) },
  bytes: { min: 32 * Math.min(...p.hashes), max: 32 * Math.max(...p.hashes) },
  serveMilliseconds: stats(p.ms),
  verifyMilliseconds: stats(p.verifyMs),
});
results.inclusionProofs = proofSummary(inclusion);
results.consistencyProofs = proofSummary(consistency);

const [storage] = await dataSource.query(
  `SELECT pg_total_relation_size('audit_log') AS log, pg_total_relation_size('audit_leaf') AS leaf,
          pg_total_relation_size('audit_subtree') AS subtree,
          (SELECT count(*) FROM audit_subtree) AS subtrees`,
);
const mb = (b) => Math.round(Number(b) / 1e6);
results.storageMegabytes = {
  auditLog: mb(storage.log),
  leaves: mb(storage.leaf),
  subtrees: mb(storage.subtree),
};
results.subtreeRows = Number(storage.subtrees);
await database.close();

// The verifier against a running node on this database, as an auditor runs it.
log('spe audit verify of the whole log against a running node');
const node = spawn('node', [join(import.meta.dirname, '..', 'dist', 'main.js')], {
  env: { ...process.env, ...readLocalNodes(dir)[0].env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
  stdio: 'ignore',
});
try {
  for (let i = 0; ; i += 1) {
    const up = await fetch('http://127.0.0.1:43101/health').then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 300) throw new Error('the node did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const token = execFileSync('node', [
    spe,
    'token',
    '--dir',
    dir,
    '--sub',
    'audra',
    '--role',
    'auditor',
  ])
    .toString()
    .trim();
  started = Date.now();
  const args = [
    '--url',
    'http://127.0.0.1:43101',
    '--token',
    token,
    '--registry',
    join(dir, 'registry.json'),
  ];
  const verify = spawn('node', [spe, 'audit', 'verify', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  verify.stdout.on('data', (chunk) => (out += chunk));
  let peakKb = 0;
  const sample = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${verify.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      /* exited */
    }
  }, 100);
  const code = await new Promise((resolve) => verify.on('exit', resolve));
  clearInterval(sample);
  results.verify = {
    seconds: seconds(Date.now() - started),
    exitCode: code,
    peakRssMegabytes: Math.round(peakKb / 1024),
    verdict: out.trim().split('\n').at(-1),
  };
} finally {
  node.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}

results.machine = `${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
console.log(JSON.stringify(results, null, 2));
