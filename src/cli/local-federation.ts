import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDatabaseConfig } from '../config/load-config';
import { mintDevToken } from '../modules/identity/infrastructure/dev-issuer';
import { projectRoot } from '../shared/project-root';
import { migrateDatabase } from './commands/db-migrate.command';
import { UsageError } from './command';
import { LocalNode, readDevIssuer } from './federation-folder';

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

export interface RunningLocalNode {
  readonly node: LocalNode;
  readonly process: ChildProcess;
  readonly logFile: string;
  readonly httpUrl: string;
}

/** The node processes of a development federation, started on loopback. */
export interface LocalFederation {
  readonly nodes: readonly RunningLocalNode[];
  stop(): Promise<void>;
}

interface PeersView {
  self: string;
  peers: {
    id: string;
    reachable: boolean;
    latencyMs?: number;
    error?: { code: string; message: string };
  }[];
}

export function httpUrlOf(node: LocalNode): string {
  return `http://${node.env.HTTP_HOST}:${node.env.HTTP_PORT}`;
}

/** Applies pending migrations to every node's database (no node may be running on it). */
export async function migrateLocalNodes(nodes: readonly LocalNode[]): Promise<void> {
  await Promise.all(nodes.map((n) => migrateDatabase(loadDatabaseConfig(n.env))));
}

/**
 * Starts each node of the federation folder `dir` as its own process (the
 * built dist/main.js), its log in <dir>/<node>/node.log, and waits until
 * every one answers /health. `env` is added to every node's environment.
 */
export async function startLocalFederation(
  dir: string,
  nodes: readonly LocalNode[],
  env: Record<string, string> = {},
): Promise<LocalFederation> {
  const entry = join(projectRoot(), 'dist', 'main.js');
  if (!existsSync(entry)) throw new UsageError(`${entry} is missing: run "npm run build" first`);
  const children = nodes.map((node) => startNodeProcess(entry, dir, node, env));
  const stop = () => stopProcesses(children.map((c) => c.process));
  try {
    await Promise.all(children.map((c) => waitUntilReady(c)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes: children, stop };
}

/** A short-lived hdab-admin token of node `nodeId` from the federation's development issuer. */
export function operatorToken(dir: string, nodeId: string): Promise<string> {
  return mintDevToken(readDevIssuer(dir), {
    subject: 'federation-operator',
    roles: ['hdab-admin'],
    hdab: nodeId,
    audience: 'ehds-spe',
    ttlSeconds: 300,
  });
}

/** Asks every node whether it reaches each peer over mutual TLS; prints each link. */
export async function checkReachability(
  dir: string,
  nodes: readonly LocalNode[],
  print: (line: string) => void,
): Promise<boolean> {
  let all = true;
  for (const n of nodes) {
    const res = await fetch(`${httpUrlOf(n)}/v1/federation/peers`, {
      headers: { authorization: `Bearer ${await operatorToken(dir, n.id)}` },
    });
    if (!res.ok)
      throw new Error(
        `${n.id} answered ${res.status} to /v1/federation/peers: ${await res.text()}`,
      );
    const view = (await res.json()) as PeersView;
    for (const p of view.peers) {
      all &&= p.reachable;
      print(
        p.reachable
          ? `  ${view.self} → ${p.id}  reachable (${p.latencyMs} ms)`
          : `  ${view.self} → ${p.id}  NOT reachable: ${p.error?.code} ${p.error?.message}`,
      );
    }
  }
  return all;
}

function startNodeProcess(
  entry: string,
  dir: string,
  node: LocalNode,
  env: Record<string, string>,
): RunningLocalNode {
  const logFile = join(resolve(dir), node.id, 'node.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, DATABASE_URL: '', ...node.env, LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return { node, process: child, logFile, httpUrl: httpUrlOf(node) };
}

async function waitUntilReady(child: RunningLocalNode): Promise<void> {
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
