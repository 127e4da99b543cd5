// Logistic-regression benchmark: a 6-parameter model ((Intercept), age, bmi, smoker=true, grp=b,
// grp=c) on three node processes (de, fr, nl), each on its own PostgreSQL database of N persons,
// against the same fit on the pooled 3N rows in one process:
//   - federated: the job submitted at de over REST and followed until it is finished (end to end),
//     its rounds, and per round the time at the lead and the nodes' own time (from the lead's
//     job_node and each node's job_run timestamps);
//   - pooled, in memory: the 3N rows fetched once from one pooled table (COPY, timed apart) into
//     typed arrays, then a plain IRLS in JavaScript with the kind's convergence rule;
//   - pooled, SQL aggregates: the same rounds as the federation (the kind's own statement, reader
//     and lead step from dist/) on the pooled table of the one database, no federation around it.
// The three fits' coefficients are checked against each other.
//
//   npm run build
//   node bench/logistic-regression.mjs 1000000      # persons per node
//
// BENCH_DATABASE_URL: the PostgreSQL server (default postgres://postgres@127.0.0.1:55433), where
// the script creates and drops spe_bench_lr_de, _fr, _nl and _pooled. BENCH_RUNS: timed runs
// after a warm-up (default 3); BENCH_WARMUP=0: no warm-up for the federated fit and the SQL rounds.
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import copyStreams from 'pg-copy-streams';
import {
  checkpoint,
  loadCountries,
  LocalFederation,
  recreateDatabases,
  root,
  stats,
  timed as timedRuns,
  withDb,
} from './support/local-federation.mjs';

const require = createRequire(import.meta.url);
const { symmetricInverse } = require(
  join(root, 'dist', 'modules', 'analysis', 'domain', 'math', 'matrix.js'),
);
const { logisticRegressionKind } = require(
  join(root, 'dist', 'modules', 'analysis', 'domain', 'kinds', 'logistic-regression', 'index.js'),
);

const n = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(n) || n < 1000) {
  console.error('Usage: node bench/logistic-regression.mjs PERSONS_PER_NODE');
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// Whether the federated fit and the SQL rounds get a warm-up run (they take minutes at 10⁶).
const WARM_UP = process.env.BENCH_WARMUP !== '0';
// Each country its own mix: a different baseline risk and age range.
const NODES = [
  { id: 'de', seed: 41, shift: 0, ageFrom: 20 },
  { id: 'fr', seed: 42, shift: 0.3, ageFrom: 25 },
  { id: 'nl', seed: 43, shift: -0.4, ageFrom: 18 },
];
const DATABASES = [...NODES.map((node) => `spe_bench_lr_${node.id}`), 'spe_bench_lr_pooled'];
const PARAMS = {
  dataset: 'cohort',
  outcome: 'outcome',
  predictors: ['age', 'bmi', 'smoker', 'grp'],
};
const COLUMNS = [
  { name: 'age', type: 'number' },
  { name: 'bmi', type: 'number' },
  { name: 'smoker', type: 'boolean' },
  { name: 'grp', type: 'category', levels: ['a', 'b', 'c'] },
  { name: 'outcome', type: 'boolean' },
];
const NAMES = ['(Intercept)', 'age', 'bmi', 'smoker=true', 'grp=b', 'grp=c'];

const seconds = (ms) => +(ms / 1000).toFixed(2);
const federation = new LocalFederation({
  database: (id) => `spe_bench_lr_${id}`,
  httpPortBase: 3321,
  grpcPortBase: 50371,
});

/** Persons 1…count of one country; u(k) is the person's k-th draw in [0, 1), from a seeded hash. */
function cohortSql(node, count, idOffset = 0) {
  const u = (k) =>
    `((hashint8extended(i, ${node.seed * 100 + k}) & 2147483647)::float8 / 2147483648)`;
  const persons = `SELECT i, ${node.ageFrom} + 60 * ${u(1)} AS age,
      17 + 8 * (${u(2)} + ${u(3)} + ${u(4)}) / 1.5 AS bmi, ${u(5)} < 0.3 AS smoker,
      (ARRAY['a', 'b', 'c'])[1 + floor(${u(6)} * 3)::int] AS grp, ${u(7)} AS draw
    FROM generate_series(1, ${count}::bigint) AS i`;
  const logit = `-5 + ${node.shift} + 0.04 * age + 0.08 * bmi + 0.7 * smoker::int
    + 0.3 * (grp = 'b')::int - 0.2 * (grp = 'c')::int`;
  return `SELECT i + ${idOffset}, age, bmi, smoker, grp, draw < 1 / (1 + exp(-(${logit})))
    FROM (${persons}) AS p`;
}
const COHORT_TABLE = `(person_id bigint, age double precision, bmi double precision,
  smoker boolean, grp text, outcome boolean)`;

/** The rows in SQL at every node and, the same values, in one pooled table; then the dataset. */
async function loadData() {
  await loadCountries({
    countries: NODES.map((node) => ({ ...node, database: `spe_bench_lr_${node.id}` })),
    n,
    columns: COHORT_TABLE,
    rowsSql: cohortSql,
    sourceTable: 'public.cohort_source',
    pooled: { database: 'spe_bench_lr_pooled', table: 'cohort_pooled' },
  });
  await federation.defineDataset(join(import.meta.dirname, 'logistic-dataset.json'));
}

/** Submits the job at de and follows it until it is settled; then its rounds' timestamps. */
async function federatedFit(permitId) {
  const started = performance.now();
  const job = await federation.runJob(permitId, 'logistic-regression', PARAMS);
  const wallMs = performance.now() - started;
  // At the lead: when each round's last part settled (round 0: the submission).
  const settled = await withDb('spe_bench_lr_de', async (c) => {
    const { rows } = await c.query(
      `SELECT round, max(finished_at) AS at FROM job_node WHERE job_id = $1 GROUP BY round ORDER BY round`,
      [job.id],
    );
    return rows.map((r) => r.at.getTime());
  });
  const submittedAt = Date.parse(job.submittedAt);
  const roundMs = settled.map((at, i) => at - (i === 0 ? submittedAt : settled[i - 1]));
  // At each node: its own time for each round (checks, the statement, the output gate).
  const nodeMs = {};
  for (const { id } of NODES) {
    nodeMs[id] = await withDb(`spe_bench_lr_${id}`, async (c) => {
      const { rows } = await c.query(
        `SELECT round, extract(epoch FROM finished_at - started_at) * 1000 AS ms
         FROM job_run WHERE job_id = $1 ORDER BY round`,
        [job.id],
      );
      return rows.map((r) => Number(r.ms));
    });
  }
  return {
    wallMs,
    atLeadMs: Date.parse(job.finishedAt) - submittedAt,
    rounds: job.result.rounds,
    roundMs,
    nodeMs,
    result: job.result.result,
  };
}

/** The pooled rows, fetched once with COPY into typed arrays. */
async function fetchPooled() {
  const total = 3 * n;
  const cols = {
    age: new Float64Array(total),
    bmi: new Float64Array(total),
    smoker: new Uint8Array(total),
    grp: new Uint8Array(total),
    y: new Uint8Array(total),
  };
  let row = 0;
  await withDb('spe_bench_lr_pooled', async (c) => {
    const stream = c.query(
      copyStreams.to(
        `COPY (SELECT age, bmi, smoker::int, grp, outcome::int FROM cohort_pooled) TO STDOUT`,
      ),
    );
    let rest = '';
    const GROUP = { a: 0, b: 1, c: 2 };
    for await (const chunk of stream) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const [age, bmi, smoker, grp, y] = line.split('\t');
        cols.age[row] = Number(age);
        cols.bmi[row] = Number(bmi);
        cols.smoker[row] = smoker === '1' ? 1 : 0;
        cols.grp[row] = GROUP[grp];
        cols.y[row] = y === '1' ? 1 : 0;
        row++;
      }
    }
  });
  if (row !== total) throw new Error(`Fetched ${row} rows, not ${total}`);
  return cols;
}

/**
 * IRLS over the typed arrays from β = 0, as the kind does (R's glm.fit rule): each iteration one
 * pass for the deviance, gradient and information at β; stop when the deviance has settled
 * (|dev − dev_old| / (|dev| + 0.1) < 1e-10) and report that β, with standard errors from the
 * information at it.
 */
function irlsInMemory({ age, bmi, smoker, grp, y }) {
  const p = 6;
  const total = y.length;
  const x = new Float64Array(p);
  let beta = new Array(p).fill(0);
  let previous = null;
  for (let iteration = 0; iteration <= 25; iteration++) {
    const g = new Float64Array(p);
    const h = new Float64Array(p * p);
    let logLikelihood = 0;
    for (let i = 0; i < total; i++) {
      x[0] = 1;
      x[1] = age[i];
      x[2] = bmi[i];
      x[3] = smoker[i];
      x[4] = grp[i] === 1 ? 1 : 0;
      x[5] = grp[i] === 2 ? 1 : 0;
      let eta = 0;
      for (let j = 0; j < p; j++) eta += x[j] * beta[j];
      const mu = 1 / (1 + Math.exp(-eta));
      const w = mu * (1 - mu);
      const r = y[i] - mu;
      logLikelihood += y[i] === 1 ? Math.log(mu) : Math.log(1 - mu);
      for (let j = 0; j < p; j++) {
        g[j] += r * x[j];
        const wx = w * x[j];
        for (let k = j; k < p; k++) h[j * p + k] += wx * x[k];
      }
    }
    const information = Array.from({ length: p }, (_, j) =>
      Array.from({ length: p }, (_, k) => (j <= k ? h[j * p + k] : h[k * p + j])),
    );
    const inverse = symmetricInverse(information);
    const deviance = -2 * logLikelihood;
    if (previous !== null && Math.abs(deviance - previous) / (Math.abs(deviance) + 0.1) < 1e-10) {
      return { beta, se: inverse.map((r, j) => Math.sqrt(r[j])), deviance, iterations: iteration };
    }
    beta = beta.map((b, j) => b + inverse[j].reduce((s, v, k) => s + v * g[k], 0));
    previous = deviance;
  }
  throw new Error('The in-memory fit did not converge in 25 iterations');
}

/** The kind's rounds on the one pooled table: its statement, reader and lead step, no federation. */
async function sqlRoundsOnPooled(client) {
  const kind = logisticRegressionKind;
  const params = kind.fixDefaults(kind.params.parse(PARAMS), COLUMNS);
  const table = { sqlName: 'public.cohort_pooled', columns: COLUMNS };
  let state = kind.rounds.start(params, COLUMNS);
  for (let round = 1; ; round++) {
    const { sql, values } = kind.local(params, table, state);
    const { rows } = await client.query(sql, values);
    const combined = kind.combine(params, [kind.read(params, rows, state)], COLUMNS, state);
    if ('result' in combined) return { rounds: round, result: combined.result };
    state = combined.next;
  }
}

const timed = (once, { warmUp = true } = {}) => timedRuns(once, { runs: RUNS, warmUp });
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

function largestRelativeGap(a, b) {
  return Math.max(
    ...a.flatMap((x, j) => [
      Math.abs(x.estimate - b.beta[j]) / Math.abs(b.beta[j]),
      Math.abs(x.standardError - b.se[j]) / Math.abs(b.se[j]),
    ]),
  );
}

async function bench() {
  const log = (line) => console.error(`[${n.toLocaleString('en')} per node] ${line}`);
  await recreateDatabases(DATABASES);
  let started = performance.now();
  await loadData();
  log(`rows and datasets loaded in ${seconds(performance.now() - started)} s`);
  await federation.start();
  const { permitId, prepareSeconds } = await federation.grantPermit({
    title: 'Logistic regression benchmark',
    dataset: 'cohort',
    variables: COLUMNS.map((c) => c.name),
    analysisKinds: ['logistic-regression'],
  });
  await checkpoint();
  log(`permit ACTIVE at every node ${prepareSeconds.toFixed(1)} s after the last approval`);
  const loadBefore = loadavg()[0];

  const federated = await timed(() => federatedFit(permitId), { warmUp: WARM_UP });
  log(`federated: ${federated.medianMs} ms, ${federated.value.rounds} rounds`);
  await federation.stop(); // the baselines run without the nodes beside them

  started = performance.now();
  const columns = await fetchPooled();
  const fetchMs = performance.now() - started;
  log(`pooled rows fetched in ${seconds(fetchMs)} s`);
  const inMemory = await timed(async () => irlsInMemory(columns));
  log(`in-memory IRLS: ${inMemory.medianMs} ms, ${inMemory.value.iterations} iterations`);
  const sqlPooled = await withDb('spe_bench_lr_pooled', (c) =>
    timed(() => sqlRoundsOnPooled(c), { warmUp: WARM_UP }),
  );
  log(`SQL rounds on the pooled table: ${sqlPooled.medianMs} ms`);
  await recreateDatabases(DATABASES, { drop: true });

  const fit = federated.value.result;
  const reference = inMemory.value;
  const sqlFit = sqlPooled.value.result;
  if (fit.coefficients.map((c) => c.name).join() !== NAMES.join()) throw new Error('Columns');
  const agreement = {
    federatedVsInMemory: largestRelativeGap(fit.coefficients, reference),
    sqlPooledVsInMemory: largestRelativeGap(sqlFit.coefficients, reference),
  };
  if (agreement.federatedVsInMemory > 1e-8 || fit.iterations !== reference.iterations)
    throw new Error(`Federated ≠ in-memory fit: ${JSON.stringify(agreement)}`);
  const rounds = federated.value.rounds;
  const perRound = federated.values.map((v) => v.wallMs / v.rounds);
  const roundsAtLead = federated.values.flatMap((v) => v.roundMs);
  const nodeRounds = Object.fromEntries(
    NODES.map(({ id }) => [id, stats(federated.values.flatMap((v) => v.nodeMs[id]))]),
  );
  return {
    personsPerNode: n,
    parameters: NAMES,
    prepareSeconds: +prepareSeconds.toFixed(1),
    loadAverageBefore: +loadBefore.toFixed(2),
    federated: {
      endToEnd: stats(federated.values.map((v) => v.wallMs)),
      atLead: stats(federated.values.map((v) => v.atLeadMs)),
      rounds,
      iterations: fit.iterations,
      perRoundEndToEndMs: +median(perRound).toFixed(1),
      roundAtLead: stats(roundsAtLead),
      roundAtLeadMs: federated.value.roundMs,
      nodeStatementPerRound: nodeRounds,
    },
    pooledInMemory: {
      fetchMs: +fetchMs.toFixed(1),
      fit: { medianMs: inMemory.medianMs, minMs: inMemory.minMs },
      iterations: reference.iterations,
      perIterationMs: +(inMemory.medianMs / (reference.iterations + 1)).toFixed(1),
    },
    pooledSqlRounds: {
      medianMs: sqlPooled.medianMs,
      minMs: sqlPooled.minMs,
      rounds: sqlPooled.value.rounds,
    },
    ratio: {
      federatedVsInMemoryFit: +(federated.medianMs / inMemory.medianMs).toFixed(2),
      federatedVsFetchAndFit: +(federated.medianMs / (fetchMs + inMemory.medianMs)).toFixed(2),
      federatedVsSqlRounds: +(federated.medianMs / sqlPooled.medianMs).toFixed(2),
    },
    agreement,
    coefficients: fit.coefficients.map((c) => ({
      name: c.name,
      estimate: c.estimate,
      standardError: c.standardError,
    })),
  };
}

federation.cleanupOnSignal(DATABASES);

let result;
try {
  await federation.init();
  result = await bench();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await federation.cleanup(DATABASES);
}
if (result) {
  const r = result;
  const ms = (s) => `${s.medianMs} (${s.minMs})`;
  const rows = [
    ['federated fit, end to end (REST submit → finished)', ms(r.federated.endToEnd)],
    ['… submitted → finished at the lead', ms(r.federated.atLead)],
    ['… rounds (Newton–Raphson updates)', `${r.federated.rounds} (${r.federated.iterations})`],
    ['… per round, end to end / rounds', `${r.federated.perRoundEndToEndMs}`],
    ['… per round at the lead (previous round settled → this one)', ms(r.federated.roundAtLead)],
    ...NODES.map(({ id }) => [
      `… ${id}'s own time per round (job_run)`,
      ms(r.federated.nodeStatementPerRound[id]),
    ]),
    [
      'pooled, one process: fetch 3N rows (COPY → typed arrays), once',
      `${r.pooledInMemory.fetchMs}`,
    ],
    [
      'pooled, one process: IRLS in JavaScript (fit only)',
      `${ms(r.pooledInMemory.fit)}, ${r.pooledInMemory.iterations + 1} passes`,
    ],
    ['pooled, one database: the same rounds as SQL aggregates', ms(r.pooledSqlRounds)],
    ['**ratio** federated / in-memory fit (goal ≤ 1)', `**${r.ratio.federatedVsInMemoryFit}**`],
    ['ratio federated / (fetch + in-memory fit)', `${r.ratio.federatedVsFetchAndFit}`],
    ['ratio federated / SQL rounds on the pooled table', `${r.ratio.federatedVsSqlRounds}`],
  ];
  console.log(
    `\nms: median (min) of ${RUNS} runs${WARM_UP ? ' after a warm-up' : ' (the federated fit and the SQL rounds without warm-up)'}; ${n.toLocaleString('en')} persons per node; the job followed with ?wait=10s\n`,
  );
  console.log(['| | |', '|---|---:|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'));
  const machine = `${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  console.log(JSON.stringify({ machine, node: process.version, RUNS, result: r }));
}
