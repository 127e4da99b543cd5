// Federated jobs benchmark: three node processes (de, fr, nl) on this machine, each on its own
// PostgreSQL database of N persons (the study of test/support/study-data.ts as dataset `study`).
// The federated mean against the same statistics run directly on one database of all 3N rows;
// the federated count against a bare mutual-TLS gRPC call (PeerService.GetNodeInfo) to the same
// three nodes in parallel; each node's memory (VmRSS, VmHWM) after the runs.
//
//   npm run build
//   node bench/federated-jobs.mjs 100000 1000000      # persons per node, one pass per size
//
// BENCH_DATABASE_URL: the PostgreSQL server (default postgres://postgres@127.0.0.1:55433), where
// the script creates and drops spe_bench_de, _fr, _nl and _pooled. BENCH_RUNS: timed runs after
// a warm-up (default 10). A job is followed with GET /v1/jobs/{id}?wait=10s (a long poll, answered
// as soon as the job settles). BENCH_NODE_ARGS: extra arguments for the node processes, e.g.
// '--cpu-prof --cpu-prof-dir=/tmp/spe-prof'.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  checkpoint,
  dbUrl,
  loadCountries,
  LocalFederation,
  recreateDatabases,
  root,
  stats,
  timed as timedRuns,
  withDb,
} from './support/local-federation.mjs';

const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const { loadProtos } = require(join(root, 'dist', 'grpc', 'proto.js'));

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(1_000_000);
if (!sizes.every((n) => Number.isInteger(n) && n >= 100)) {
  console.error('Usage: node bench/federated-jobs.mjs PERSONS_PER_NODE [PERSONS_PER_NODE …]');
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
// As in test/e2e/jobs.test.ts: FR's values shifted up, NL's down and NL without group c.
const NODES = [
  { id: 'de', seed: 11, shift: 0, levels: ['a', 'b', 'c'] },
  { id: 'fr', seed: 22, shift: 5, levels: ['a', 'b', 'c'] },
  { id: 'nl', seed: 33, shift: -20, levels: ['a', 'b'] },
];
const DATABASES = [...NODES.map((n) => `spe_bench_${n.id}`), 'spe_bench_pooled'];
const DIRECT_SQL =
  'SELECT count(value) n, avg(value) mean, var_samp(value) variance FROM study_pooled';
// The statements the summary and count kinds run in a workspace, from the kinds themselves.
const kindsDir = join(root, 'dist', 'modules', 'analysis', 'domain', 'kinds');
const { summaryKind } = require(join(kindsDir, 'summary', 'index.js'));
const { countKind } = require(join(kindsDir, 'count', 'index.js'));
const STUDY_COLUMNS = JSON.parse(
  readFileSync(join(import.meta.dirname, 'study-dataset.json'), 'utf8'),
).variables.map(({ name, type, levels }) => ({ name, type, levels }));
const nodeStatement = (kind, params) => (sqlName) =>
  kind.local(kind.params.parse({ dataset: 'study', ...params }), {
    sqlName,
    columns: STUDY_COLUMNS,
  });
const NODE_SQL = {
  mean: nodeStatement(summaryKind, { variable: 'value' }),
  count: nodeStatement(countKind, {}),
};

const federation = new LocalFederation({
  database: (id) => `spe_bench_${id}`,
  httpPortBase: 3301,
  grpcPortBase: 50351,
  nodeArgs: NODE_ARGS,
});

/** Persons 1…n of one country; u(k) is the person's k-th draw in [0, 1), from a seeded hash. */
function studySql(node, n, idOffset = 0) {
  const u = (k) =>
    `((hashint8extended(i, ${node.seed * 100 + k}) & 2147483647)::float8 / 2147483648)`;
  const levels = `ARRAY[${node.levels.map((l) => `'${l}'`).join(', ')}]`;
  return `SELECT i + ${idOffset}, (${levels})[1 + floor(${u(1)} * ${node.levels.length})::int],
      ${u(2)} < 0.4,
      CASE WHEN ${u(3)} < 0.02 THEN NULL
        ELSE 50 + ${node.shift} + 12 * (${u(4)} + ${u(5)} + ${u(6)} - 1.5) END,
      floor(${u(7)} * 10)::int, 1940 + floor(${u(8)} * 60)::int
    FROM generate_series(1, ${n}::bigint) AS i`;
}
const STUDY_TABLE = `(person_id bigint, grp text, flag boolean, value double precision,
  score integer, birth_year integer)`;

/** The rows in SQL at every node and, the same values, in one pooled table; then the dataset. */
async function loadData(n) {
  await loadCountries({
    countries: NODES.map((node) => ({ ...node, database: `spe_bench_${node.id}` })),
    n,
    columns: STUDY_TABLE,
    rowsSql: studySql,
    sourceTable: 'public.study_source',
    pooled: { database: 'spe_bench_pooled', table: 'study_pooled' },
  });
  await federation.defineDataset(join(import.meta.dirname, 'study-dataset.json'));
}

/** A job at de, followed until it is settled; its time at the lead and its result. */
async function runJob(permitId, kind, params) {
  const job = await federation.runJob(permitId, kind, { dataset: 'study', ...params });
  return { atLeadMs: Date.parse(job.finishedAt) - Date.parse(job.submittedAt), ...job.result };
}

/** One warm-up, then RUNS timed calls: median and min, the first value, and jobs' time at the lead. */
async function timed(once) {
  const { values, ...timing } = await timedRuns(once, { runs: RUNS });
  const atLead = values[0]?.atLeadMs !== undefined && stats(values.map((v) => v.atLeadMs));
  return { ...timing, ...(atLead ? { atLead } : {}) };
}

/** de's own TLS material and each peer's CA; the peer proven by its SPIFFE id, as PeerChannels does. */
function bareClients() {
  const registry = JSON.parse(readFileSync(join(federation.dir, 'registry.json'), 'utf8'));
  const { PeerService } = loadProtos().spe.v1;
  const [key, cert] = ['node.key', 'node.crt'].map((f) =>
    readFileSync(join(federation.dir, 'de', f)),
  );
  return registry.nodes.map((peer) => {
    const spiffe = `URI:spiffe://${registry.trustDomain}/hdab/${peer.id}`;
    const creds = grpc.credentials.createSsl(Buffer.from(peer.ca), key, cert, {
      checkServerIdentity: (_host, c) =>
        c.subjectaltname?.split(', ').includes(spiffe) ? undefined : new Error(`not ${spiffe}`),
    });
    return new PeerService(peer.grpcAddress, creds, {
      'grpc.ssl_target_name_override': `${peer.id}.${registry.trustDomain}`,
    });
  });
}
const getNodeInfo = (client) =>
  new Promise((resolve, reject) =>
    client.getNodeInfo({}, new grpc.Metadata(), { deadline: Date.now() + 5000 }, (e, r) =>
      e ? reject(e) : resolve(r),
    ),
  );

/** The nodes' own statements on their workspace tables, in parallel, with no node around them. */
async function nodeSqlAlone(permitId, statementOf) {
  const table = `ws_${permitId.replaceAll('-', '')}.study`; // workspaceSchemaOf in src/
  const clients = NODES.map(({ id }) => new pg.Client(dbUrl(`spe_bench_${id}`)));
  try {
    await Promise.all(clients.map((c) => c.connect()));
    const { sql, values } = statementOf(table);
    return await timed(() => Promise.all(clients.map((c) => c.query(sql, values))));
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

function memoryOf(pid) {
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

async function benchSize(n) {
  const log = (line) => console.error(`[${n.toLocaleString('en')} per node] ${line}`);
  await recreateDatabases(DATABASES);
  const started = performance.now();
  await loadData(n);
  log(`rows and datasets loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await federation.start();
  const { permitId, prepareSeconds } = await federation.grantPermit({
    title: 'Federated jobs benchmark',
    dataset: 'study',
    variables: ['grp', 'flag', 'value', 'score'],
    analysisKinds: ['count', 'summary', 'histogram'],
  });
  await checkpoint();
  const loadBefore = loadavg()[0]; // other work on the machine shows here
  log(`permit ACTIVE at every node ${prepareSeconds.toFixed(1)} s after the last approval`);

  const direct = await withDb('spe_bench_pooled', (c) =>
    timed(async () => (await c.query(DIRECT_SQL)).rows[0]),
  );
  const mean = await timed(() => runJob(permitId, 'summary', { variable: 'value' }));
  const [pooled, [group]] = [direct.value, mean.value.result.groups];
  const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.abs(b);
  if (group.n !== Number(pooled.n) || !close(group.mean, pooled.mean))
    throw new Error(`Federated ${JSON.stringify(group)} ≠ pooled ${JSON.stringify(pooled)}`);
  if (!close(group.variance, pooled.variance)) throw new Error('Federated variance ≠ pooled');
  const count = await timed(() => runJob(permitId, 'count', {}));
  if (count.value.result.total !== 3 * n) throw new Error(`Count ${count.value.result.total}`);
  const clients = bareClients();
  const bare = await timed(() => Promise.all(clients.map(getNodeInfo)));
  clients.forEach((c) => c.close());
  const alone = { mean: await nodeSqlAlone(permitId, NODE_SQL.mean) };
  alone.count = await nodeSqlAlone(permitId, NODE_SQL.count);
  const memory = Object.fromEntries(
    federation.running.map(({ id, child }) => [id, memoryOf(child.pid)]),
  );
  await federation.stop();
  await recreateDatabases(DATABASES, { drop: true });
  log('done');

  for (const timing of [mean, count, direct, bare, alone.mean, alone.count]) delete timing.value;
  const ratio = (x, y) => +(x.medianMs / y.medianMs).toFixed(2);
  return {
    personsPerNode: n,
    prepareSeconds: +prepareSeconds.toFixed(1),
    mean: { federated: mean, alone: alone.mean, direct, ratio: ratio(mean, direct) },
    count: { federated: count, alone: alone.count, bareFanOut: bare, ratio: ratio(count, bare) },
    memory,
    loadAverage: [loadBefore, loadavg()[0]].map((l) => +l.toFixed(2)),
  };
}

federation.cleanupOnSignal(DATABASES);

const results = [];
try {
  await federation.init();
  for (const n of sizes) results.push(await benchSize(n));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await federation.cleanup(DATABASES);
}
if (results.length === sizes.length) {
  const ms = (s) => `${s.medianMs} (${s.minMs})`;
  const rows = [
    ['grant → ACTIVE at all three nodes', (r) => `${r.prepareSeconds} s`],
    ['federated mean, end to end', (r) => ms(r.mean.federated)],
    ['… submitted → finished at the lead', (r) => ms(r.mean.federated.atLead)],
    ["… the nodes' statements alone", (r) => ms(r.mean.alone)],
    ['direct query on the pooled table', (r) => ms(r.mean.direct)],
    ['**ratio** (goal ≤ 1.5)', (r) => `**${r.mean.ratio}**`],
    ['federated count, end to end', (r) => ms(r.count.federated)],
    ['… submitted → finished at the lead', (r) => ms(r.count.federated.atLead)],
    ["… the nodes' statements alone", (r) => ms(r.count.alone)],
    ['bare mTLS fan-out (GetNodeInfo ×3)', (r) => ms(r.count.bareFanOut)],
    ['**ratio** (goal ≤ 3)', (r) => `**${r.count.ratio}**`],
    ['1-minute load average, before / after the runs', (r) => r.loadAverage.join(' / ')],
    [
      'RSS after the runs (peak), MB: de / fr / nl',
      (r) => NODES.map(({ id }) => `${r.memory[id].rssMb} (${r.memory[id].peakMb})`).join(' / '),
    ],
  ].map(([label, f]) => [label, ...results.map(f)]);
  const head = ['', ...results.map((r) => `${r.personsPerNode.toLocaleString('en')} per node`)];
  const lines = [head, head.map((_, i) => (i ? '---:' : '---')), ...rows];
  console.log(`\nms: median (min) of ${RUNS} runs after a warm-up, jobs followed with ?wait=10s\n`);
  console.log(lines.map((line) => `| ${line.join(' | ')} |`).join('\n'));
  const machine = `${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  console.log(JSON.stringify({ machine, node: process.version, RUNS, results }));
}
