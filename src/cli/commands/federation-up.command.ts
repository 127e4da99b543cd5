import { resolve } from 'node:path';
import { Command, UsageError } from '../command';
import { federationExists, LocalNode, readLocalNodes } from '../federation-folder';
import {
  checkReachability,
  httpUrlOf,
  migrateLocalNodes,
  startLocalFederation,
} from '../local-federation';
import { loadSyntheticCountryIfEmpty } from '../synthetic-data';
import { DEFAULT_FEDERATION_DIR, initFederation, initOptionsOf } from './federation-init.command';

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
    await migrateLocalNodes(nodes);
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

    const federation = await startLocalFederation(dir, nodes);
    printNodes(nodes);
    process.stdout.write('\nPeers over mutual TLS:\n');
    const allReachable = await checkReachability(dir, nodes, (line) =>
      process.stdout.write(`${line}\n`),
    );
    await printCatalogue(nodes[0]!);
    if (values['exit-when-ready']) {
      await federation.stop();
      return allReachable ? 0 : 1;
    }
    process.stdout.write('\nThe federation is running. Press Ctrl-C to stop it.\n');
    await new Promise<void>((done) => {
      const stop = () => {
        process.stdout.write('\nStopping the nodes…\n');
        federation.stop().then(done, done);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    process.stdout.write('All nodes stopped.\n');
    return 0;
  },
};

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
