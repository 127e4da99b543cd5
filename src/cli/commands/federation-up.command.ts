import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDatabaseConfig } from '../../config/load-config';
import { projectRoot } from '../../shared/project-root';
import { Command, UsageError } from '../command';
import { mintDevToken } from '../../modules/identity/infrastructure/dev-issuer';
import { federationExists, LocalNode, readDevIssuer, readLocalNodes } from '../federation-folder';
import { loadSyntheticCountryIfEmpty } from '../synthetic-data';
import { migrateDatabase } from './db-migrate.command';
import { DEFAULT_FEDERATION_DIR, initFederation, initOptionsOf } from './federation-init.command';

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

interface PeersView {
  self: string;
  peers: {
    id: string;
    reachable: boolean;
    latencyMs?: number;
    error?: { code: string; message: string };
  }[];
}

export const federationUpCommand: Command = {
  name: 'federation up',
  summary: 'Start a local federation: one node process per country, on loopback',
  help: `Usage: spe federation up [options]

Starts every node of the development federation in --dir as its own process
on loopback, each with its own embedded PostgreSQL (its DATA_DIR), after
creating the federation (DE, FR, NL) if --dir holds none and applying
pending migrations. Prints each node's URLs and checks that every node
reaches each of its peers over mutual TLS. Ctrl-C stops all nodes.
Each node's log is written to <dir>/<node>/node.log.

Options:
  --dir DIR             the federation folder (default ${DEFAULT_FEDERATION_DIR})
  --persons N           synthetic persons loaded into a node that has no data yet,
                        with the shipped cardiometabolic dataset (default 2000; 0: none)
  --seed S              seed of the synthetic data (default 1)
  --exit-when-ready     stop the nodes and exit once the check is done
                        (exit code 0 only if every node reaches every peer)`,
  options: {
    dir: { type: 'string', default: DEFAULT_FEDERATION_DIR },
    persons: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    'exit-when-ready': { type: 'boolean', default: false },
  },
  async run(values) {
    const dir = String(values.dir);
    const entry = join(projectRoot(), 'dist', 'main.js');
    if (!existsSync(entry)) throw new UsageError(`${entry} is missing: run "npm run build" first`);
    if (!federationExists(dir)) {
      process.stdout.write(`No federation in ${resolve(dir)}: creating DE, FR and NL…\n`);
      await initFederation(initOptionsOf({ dir }));
    }
    const nodes = readLocalNodes(dir);
    if (nodes.length === 0) throw new UsageError(`${resolve(dir)} holds no node folders`);

    const persons = Number(values.persons);
    if (!Number.isInteger(persons) || persons < 0)
      throw new UsageError('--persons: a whole number');
    process.stdout.write(`Preparing the databases of ${nodes.map((n) => n.id).join(', ')}…\n`);
    await Promise.all(nodes.map((n) => migrateDatabase(loadDatabaseConfig(n.env))));
    if (persons > 0) {
      const loaded = await Promise.all(
        nodes.map((n) =>
          loadSyntheticCountryIfEmpty(n.env, n.country, persons, String(values.seed)),
        ),
      );
      const fresh = nodes.filter((_, i) => loaded[i]).map((n) => n.id);
      if (fresh.length > 0) {
        process.stdout.write(
          `Loaded ${persons} synthetic persons and the cardiometabolic dataset into ${fresh.join(', ')}.\n`,
        );
      }
    }

    const children = nodes.map((node) => startNodeProcess(entry, dir, node));
    const stopAll = () => stopProcesses(children.map((c) => c.process));
    try {
      await Promise.all(children.map((c) => waitUntilReady(c)));
    } catch (error) {
      await stopAll();
      throw error;
    }
    printNodes(nodes);
    const devIssuer = readDevIssuer(dir);
    const operatorOf = (nodeId: string) =>
      mintDevToken(devIssuer, {
        subject: 'federation-up',
        roles: ['hdab-admin'],
        hdab: nodeId,
        audience: 'ehds-spe',
        ttlSeconds: 300,
      });
    const allReachable = await printReachability(nodes, operatorOf);
    await printCatalogue(nodes[0]!);
    if (values['exit-when-ready']) {
      await stopAll();
      return allReachable ? 0 : 1;
    }
    process.stdout.write('\nThe federation is running. Press Ctrl-C to stop it.\n');
    await new Promise<void>((done) => {
      const stop = () => {
        process.stdout.write('\nStopping the nodes…\n');
        stopAll().then(done, done);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    process.stdout.write('All nodes stopped.\n');
    return 0;
  },
};

interface NodeProcess {
  readonly node: LocalNode;
  readonly process: ChildProcess;
  readonly logFile: string;
  readonly httpUrl: string;
}

function startNodeProcess(entry: string, dir: string, node: LocalNode): NodeProcess {
  const logFile = join(resolve(dir), node.id, 'node.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, DATABASE_URL: '', ...node.env, LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return { node, process: child, logFile, httpUrl: httpUrlOf(node) };
}

function httpUrlOf(node: LocalNode): string {
  return `http://${node.env.HTTP_HOST}:${node.env.HTTP_PORT}`;
}

async function waitUntilReady(child: NodeProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) {
      throw new Error(
        `Node ${child.node.id} exited with code ${child.process.exitCode}. Its log (${child.logFile}) ends:\n` +
          tail(child.logFile),
      );
    }
    try {
      const res = await fetch(`${child.httpUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `Node ${child.node.id} was not ready after ${READY_TIMEOUT_MS / 1000} s (${child.logFile})`,
  );
}

function printNodes(nodes: LocalNode[]): void {
  process.stdout.write('\nNodes:\n');
  for (const n of nodes) {
    const http = httpUrlOf(n);
    process.stdout.write(
      `  ${n.id} (${n.country})  HTTP ${http}  API docs ${http}/docs  ` +
        `gRPC (mTLS) ${n.env.GRPC_HOST}:${n.env.GRPC_PORT}\n` +
        `      catalogue ${http}/v1/catalogue  federated ${http}/v1/catalogue/federated\n`,
    );
  }
}

async function printReachability(
  nodes: LocalNode[],
  operatorOf: (nodeId: string) => Promise<string>,
): Promise<boolean> {
  process.stdout.write('\nPeers over mutual TLS:\n');
  let all = true;
  for (const n of nodes) {
    const res = await fetch(`${httpUrlOf(n)}/v1/federation/peers`, {
      headers: { authorization: `Bearer ${await operatorOf(n.id)}` },
    });
    if (!res.ok)
      throw new Error(
        `${n.id} answered ${res.status} to /v1/federation/peers: ${await res.text()}`,
      );
    const view = (await res.json()) as PeersView;
    for (const p of view.peers) {
      all &&= p.reachable;
      process.stdout.write(
        p.reachable
          ? `  ${view.self} → ${p.id}  reachable (${p.latencyMs} ms)\n`
          : `  ${view.self} → ${p.id}  NOT reachable: ${p.error?.code} ${p.error?.message}\n`,
      );
    }
  }
  return all;
}

async function printCatalogue(node: LocalNode): Promise<void> {
  const res = await fetch(`${httpUrlOf(node)}/v1/catalogue/federated`);
  const view = (await res.json()) as {
    'dcat:catalog': {
      'dct:publisher': { 'dct:identifier': string };
      'dcat:dataset': Record<string, unknown>[];
    }[];
    'spe:unavailableNodes': { 'spe:nodeId': string }[];
  };
  process.stdout.write(`\nFederated catalogue, as node ${node.id} sees it:\n`);
  for (const catalogue of view['dcat:catalog']) {
    const datasets = catalogue['dcat:dataset'].map((d) => {
      const records = (d['healthdcatap:numberOfRecords'] as { '@value': number } | undefined)?.[
        '@value'
      ];
      return `${d['dct:identifier']} (${records ?? 'fewer than 100'} persons)`;
    });
    process.stdout.write(
      `  ${catalogue['dct:publisher']['dct:identifier']}: ${datasets.join(', ') || 'no datasets'}\n`,
    );
  }
  for (const missing of view['spe:unavailableNodes']) {
    process.stdout.write(`  ${missing['spe:nodeId']}: did not answer\n`);
  }
}

async function stopProcesses(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
          child.once('exit', () => {
            clearTimeout(killer);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
