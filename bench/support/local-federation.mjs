// What the federated benchmarks share: one PostgreSQL server (BENCH_DATABASE_URL, default
// postgres://postgres@127.0.0.1:55433) holding a database per node and a pooled one, and three node
// processes (de, fr, nl) of a fresh development federation, driven over their REST APIs as a
// client would. Needs `npm run build` first.
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';

const require = createRequire(import.meta.url);
export const root = join(import.meta.dirname, '..', '..');
const { readLocalNodes } = require(join(root, 'dist', 'cli', 'federation-folder.js'));

export const NODE_IDS = ['de', 'fr', 'nl'];
const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55433/postgres';
const serverDatabase = new URL(server).pathname.slice(1) || 'postgres';
export const dbUrl = (name) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function withDb(name, work) {
  const client = new pg.Client({ connectionString: dbUrl(name) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops each database and, unless `drop`, creates it empty. */
export async function recreateDatabases(databases, { drop = false } = {}) {
  await withDb(serverDatabase, async (c) => {
    for (const db of databases) {
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      if (!drop) await c.query(`CREATE DATABASE ${db}`);
    }
  });
}

/**
 * Each country's generated rows in its node's database (`sourceTable`) and the same rows, persons
 * numbered on, in one pooled table; `rowsSql(country, n, idOffset)` is a SELECT of `columns`.
 */
export async function loadCountries({ countries, n, columns, rowsSql, sourceTable, pooled }) {
  const load = (db, table, parts) =>
    withDb(db, async (c) => {
      await c.query(`CREATE TABLE ${table} ${columns}`);
      for (const [i, country] of parts.entries())
        await c.query(`INSERT INTO ${table} ${rowsSql(country, n, parts.length > 1 ? i * n : 0)}`);
      await c.query(`VACUUM ANALYZE ${table}`);
    });
  await Promise.all([
    ...countries.map((country) => load(country.database, sourceTable, [country])),
    load(pooled.database, pooled.table, countries),
  ]);
}

/** Writes the pages of loading and preparation to disk now, not during the timed runs. */
export const checkpoint = () => withDb(serverDatabase, (c) => c.query('CHECKPOINT'));

export async function spe(args, env = process.env) {
  const cli = join(root, 'dist', 'cli', 'spe.js');
  return (await promisify(execFile)(process.execPath, [cli, ...args], { env })).stdout.trim();
}

export async function until(what, timeoutMs, intervalMs, probe) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(intervalMs)) {
    const value = await probe();
    if (value) return value;
  }
  throw new Error(`Timed out after ${timeoutMs / 1000} s: ${what}`);
}

/** Median and min of timings in ms. */
export function stats(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return { medianMs: +sorted[(sorted.length - 1) >> 1].toFixed(1), minMs: +sorted[0].toFixed(1) };
}

/** A warm-up (unless `warmUp` is false), then `runs` timed calls: median and min, and their values. */
export async function timed(once, { runs, warmUp = true }) {
  if (warmUp) await once();
  const ms = [];
  const values = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    values.push(await once());
    ms.push(performance.now() - started);
  }
  return { ...stats(ms), value: values[0], values };
}

export class LocalFederation {
  /** `database(id)`: the node's database name; the ports keep parallel benchmarks apart. */
  constructor({ database, httpPortBase, grpcPortBase, nodeArgs = [] }) {
    this.database = database;
    this.ports = ['--http-port-base', `${httpPortBase}`, '--grpc-port-base', `${grpcPortBase}`];
    this.nodeArgs = nodeArgs;
    this.dir = mkdtempSync(join(tmpdir(), 'spe-bench-'));
    this.running = [];
    this.tokens = {};
  }

  /** The federation's folder, and tokens: alice the researcher and each node's HDAB reviewer. */
  async init() {
    await spe(['federation', 'init', '--dir', this.dir, ...this.ports]);
    const token = (sub, ...args) => spe(['token', '--dir', this.dir, '--sub', sub, ...args]);
    this.tokens.alice = await token('alice', '--role', 'researcher');
    for (const id of NODE_IDS)
      this.tokens[id] = await token(`reviewer-${id}`, '--role', 'hdab-reviewer', '--hdab', id);
  }

  nodes() {
    return readLocalNodes(this.dir).map(({ id, env }) => ({
      id,
      url: `http://${env.HTTP_HOST}:${env.HTTP_PORT}`,
      env: { ...process.env, ...env, DATABASE_URL: dbUrl(this.database(id)), LOG_LEVEL: 'warn' },
    }));
  }

  /** Migrates each node's database and defines the dataset of `definitionFile` there. */
  async defineDataset(definitionFile) {
    await Promise.all(
      this.nodes().map(async ({ env }) => {
        await spe(['db', 'migrate'], env);
        await spe(['dataset', 'define', '--file', definitionFile], env);
      }),
    );
  }

  async start() {
    this.running = this.nodes().map((node) => {
      const main = join(root, 'dist', 'main.js');
      const child = spawn(process.execPath, [...this.nodeArgs, main], {
        env: node.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const log = createWriteStream(join(this.dir, `${node.id}.log`));
      child.stdout.pipe(log);
      child.stderr.pipe(log);
      return { ...node, child };
    });
    for (const { id, url, child } of this.running) {
      const logTail = () => readFileSync(join(this.dir, `${id}.log`), 'utf8').slice(-3000);
      await until(`${id} ready`, 60_000, 200, async () => {
        if (child.exitCode !== null) throw new Error(`${id} exited:\n${logTail()}`);
        return (await fetch(`${url}/health`).catch(() => undefined))?.ok;
      });
    }
  }

  async stop() {
    const stopping = this.running.map(({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      return new Promise((r) => child.once('exit', r)).then(() => clearTimeout(killer));
    });
    this.running = [];
    await Promise.all(stopping);
  }

  async api(node, method, path, token, body) {
    const res = await fetch(`${this.running.find((c) => c.id === node).url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  /**
   * Lodges alice's application at de for `dataset` at every node, has each HDAB approve it, and
   * times the last approval → ACTIVE at every node (each node builds the permit's workspace).
   */
  async grantPermit({ title, dataset, variables, analysisKinds }) {
    const lodged = await this.api('de', 'POST', '/v1/applications', this.tokens.alice, {
      applicant: { name: 'Alice Martin', organisation: 'Charité Research' },
      purpose: 'scientific-research',
      title,
      description: 'Timing federated analyses against the pooled analysis.',
      datasets: NODE_IDS.map((node) => ({ node, dataset, variables })),
      users: [{ issuer: this.running[0].env.DEV_ISSUER, subject: 'alice' }],
      durationMonths: 12,
      pseudonymised: false,
      analysisKinds,
    });
    if (lodged.status !== 201) throw new Error(`Lodging failed: ${JSON.stringify(lodged.body)}`);
    const id = lodged.body.id;
    const decision = { outcome: 'APPROVED', reason: 'Fits the purpose.' };
    for (const node of NODE_IDS) {
      // The application reaches the participants over gRPC after lodging: retry until it is there.
      const path = `/v1/applications/${id}/decision`;
      const decide = () => this.api(node, 'POST', path, this.tokens[node], decision);
      await until(`approval at ${node}`, 30_000, 100, async () => (await decide()).status === 200);
    }
    const granted = performance.now();
    for (const node of NODE_IDS) {
      await until(`permit ACTIVE at ${node}`, 20 * 60_000, 100, async () => {
        const { body } = await this.api(node, 'GET', `/v1/applications/${id}`, this.tokens.alice);
        return body.status === 'ACTIVE';
      });
    }
    return { permitId: id, prepareSeconds: (performance.now() - granted) / 1000 };
  }

  /** Submits alice's job at de and follows it with a long poll until it is settled; COMPLETE or throws. */
  async runJob(permitId, kind, params) {
    const submitted = await this.api('de', 'POST', '/v1/jobs', this.tokens.alice, {
      permitId,
      kind,
      params,
    });
    if (submitted.status !== 202) throw new Error(`${kind}: ${JSON.stringify(submitted.body)}`);
    const path = `/v1/jobs/${submitted.body.id}?wait=10s`;
    let job;
    do job = (await this.api('de', 'GET', path, this.tokens.alice)).body;
    while (job.status === 'RUNNING');
    if (job.status !== 'COMPLETE') throw new Error(`${kind} ended ${JSON.stringify(job)}`);
    return job;
  }

  /** Stops the nodes, drops `databases` and removes the federation's folder; also on Ctrl-C. */
  async cleanup(databases) {
    await this.stop().catch(() => {});
    await recreateDatabases(databases, { drop: true }).catch((e) =>
      console.error(`Drop failed: ${e.message}`),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }

  cleanupOnSignal(databases) {
    for (const signal of ['SIGINT', 'SIGTERM'])
      process.once(signal, () => void this.cleanup(databases).finally(() => process.exit(130)));
  }
}
