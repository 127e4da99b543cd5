// Import benchmark: generate a synthetic country, then import it into a
// PostgreSQL server in a separate process, recording time, rows per second
// and the import process's peak memory (VmHWM).
//
//   npm run build
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/spe_bench node bench/import-omop.mjs 1000000
//
// The database named by BENCH_DATABASE_URL is emptied (schemas dropped) first.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
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
const spe = join(import.meta.dirname, '..', 'dist', 'cli', 'spe.js');
const env = { ...process.env, NODE_ID: 'de', DATABASE_URL: url };

const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query('DROP SCHEMA IF EXISTS omop, datasets CASCADE');
await client.query('DROP TABLE IF EXISTS dataset, audit_log, schema_migrations CASCADE');
await client.query('DROP FUNCTION IF EXISTS audit_log_append_only()');
await client.end();
execFileSync('node', [spe, 'db', 'migrate'], { env, stdio: 'inherit' });
execFileSync(
  'node',
  [
    spe,
    'dataset',
    'define',
    '--file',
    join(import.meta.dirname, '..', 'datasets', 'cardiometabolic.json'),
  ],
  { env, stdio: 'inherit' },
);

const dir = mkdtempSync(join(tmpdir(), 'spe-bench-omop-'));
let started = Date.now();
execFileSync(
  'node',
  [spe, 'data', 'generate', '--country', 'DE', '--persons', String(persons), '--out', dir],
  { stdio: 'inherit' },
);
const generateSeconds = (Date.now() - started) / 1000;
const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

started = Date.now();
const child = spawn('node', [spe, 'data', 'import', '--dir', dir], {
  env,
  stdio: ['ignore', 'inherit', 'pipe'],
});
let peakKb = 0;
let lastLine = '';
const sample = () => {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  } catch {
    /* exited */
  }
};
const timer = setInterval(sample, 100);
child.stderr.on('data', (d) => {
  process.stderr.write(d);
  lastLine = String(d).trim().split('\n').at(-1);
});
const code = await new Promise((resolve) => child.on('exit', resolve));
clearInterval(timer);
const importSeconds = (Date.now() - started) / 1000;
rmSync(dir, { recursive: true, force: true });
if (code !== 0) process.exit(1);
const rows = Number(/Imported (\d+) rows/.exec(lastLine)?.[1] ?? 0);
console.log(
  JSON.stringify(
    {
      persons,
      rows,
      csvMegabytes: Math.round(bytes / 1e6),
      generateSeconds,
      importSeconds,
      rowsPerSecond: Math.round(rows / importSeconds),
      importPeakRssMegabytes: Math.round(peakKb / 1024),
      machine: `${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    },
    null,
    2,
  ),
);
