// Registration benchmark: write a flat registry file of N persons (the shape
// of datasets/examples/stroke_registry.csv), then register it twice with
// `spe dataset register` (version 1, then version 2 replacing it), each in its
// own process, recording time and the process's peak memory (VmHWM).
//
//   npm run build
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/spe_bench node bench/register-flat.mjs 1000000
//
// The database named by BENCH_DATABASE_URL is emptied (every schema dropped) first.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const persons = Number(process.argv[2] ?? 1_000_000);
const url = process.env.BENCH_DATABASE_URL;
if (!url || !new URL(url).pathname.includes('bench')) {
  console.error(
    'Set BENCH_DATABASE_URL to a database whose name contains "bench" (it is emptied).',
  );
  process.exit(2);
}
const root = join(import.meta.dirname, '..');
const spe = join(root, 'dist', 'cli', 'spe.js');
const env = { ...process.env, NODE_ID: 'de', DATABASE_URL: url };

const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query(`DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
  LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP; END $$`);
await client.query('CREATE SCHEMA public');
await client.end();
execFileSync('node', [spe, 'db', 'migrate'], { env, stdio: 'inherit' });

const dir = mkdtempSync(join(tmpdir(), 'spe-bench-flat-'));
const file = join(dir, 'registry.csv');
const out = createWriteStream(file);
out.write('patient_id,age,sex,nihss,systolic_bp,thrombolysis,admission_date,mrs_90d\n');
for (let i = 0; i < persons; i++) {
  const line = [
    `SR-${String(i).padStart(8, '0')}`,
    18 + (i % 82),
    i % 2 ? 'female' : 'male',
    i % 10 === 0 ? '' : (i * 7) % 31,
    i % 13 === 0 ? 'NA' : (110 + ((i * 37) % 900) / 10).toFixed(1),
    i % 3 === 0 ? 'yes' : 'no',
    `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    i % 11 === 0 ? '' : i % 7,
  ].join(',');
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const bytes = statSync(file).size;

async function register(version) {
  const started = Date.now();
  const child = spawn(
    'node',
    [
      spe,
      'dataset',
      'register',
      '--csv',
      file,
      '--dictionary',
      join(root, 'datasets', 'examples', 'stroke_registry.dictionary.json'),
      '--version',
      version,
    ],
    { env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  let peakKb = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      /* exited */
    }
  }, 100);
  const [code] = await once(child, 'exit');
  clearInterval(timer);
  if (code !== 0) process.exit(1);
  return { seconds: (Date.now() - started) / 1000, peakRssMegabytes: Math.round(peakKb / 1024) };
}

const first = await register('1');
const replacing = await register('2');
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      persons,
      csvMegabytes: Math.round(bytes / 1e6),
      first: { ...first, personsPerSecond: Math.round(persons / first.seconds) },
      replacing: { ...replacing, personsPerSecond: Math.round(persons / replacing.seconds) },
      machine: `${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    },
    null,
    2,
  ),
);
