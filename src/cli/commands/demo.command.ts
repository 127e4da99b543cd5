import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDatabaseConfig } from '../../config/load-config';
import { Database } from '../../database/database';
import { mintDevToken } from '../../modules/identity/infrastructure/dev-issuer';
import { Command, UsageError } from '../command';
import { LocalNode, readDevIssuer, readLocalNodes, REGISTRY_FILE_NAME } from '../federation-folder';
import {
  checkReachability,
  httpUrlOf,
  migrateLocalNodes,
  startLocalFederation,
} from '../local-federation';
import { KeptCountryData, loadDemoCountry } from '../demo/demo-data';
import { runDemoStudy } from '../demo/demo-study';
import { REPORT_JSON, writeDemoReport } from '../demo/write-report';
import { initFederation, initOptionsOf } from './federation-init.command';

/**
 * The demo's retention policy: a tick every two seconds and destruction as
 * soon as a permit is archived, so that the whole life of a permit fits in
 * a minute. Never a node's defaults (a minute's tick, six months).
 */
export const DEMO_NODE_ENV: Record<string, string> = {
  LIFECYCLE_SCHEDULE: '*/2 * * * * *',
  DESTROY_AFTER_MONTHS: '0',
  SWEEP_INTERVAL_MS: '1000',
};

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run a three-country study from application to destruction and write a report',
  help: `Usage: spe demo [options]

Creates a development federation of DE, FR and NL in a temporary folder,
gives each node a synthetic country on its embedded PostgreSQL, starts the
three nodes and walks the five stages through their REST APIs: a researcher
applies at DE for data of all three, each HDAB approves, the workspaces are
prepared, the researcher runs a count table, a summary, a histogram, a
logistic regression and a Kaplan–Meier analysis, an output with small cells
is held by an airlock and released by that node's reviewer, the permit is
closed, archived and destroyed (demo policy: destruction at archival), and
the auditor verifies every node's log. Writes report.html and report.json
into --out, beside each country's data (data/<node>/cardiometabolic.csv and
the OMOP CSV files it was derived from).

Options:
  --out DIR             where the report goes (default demo-report); an earlier report
                        there is replaced, a folder holding anything else refused
  --persons N           synthetic persons per country (default 1000)
  --seed S              seed of the synthetic data (default 1)
  --http-port-base N    HTTP port of the first node, then +1 (default 3101)
  --grpc-port-base N    gRPC port of the first node, then +1 (default 50151)

Exit status: 0 when every stage went as it must; 1 otherwise (the nodes'
logs are then kept, and their folder named).`,
  options: {
    out: { type: 'string', default: 'demo-report' },
    persons: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'http-port-base': { type: 'string', default: '3101' },
    'grpc-port-base': { type: 'string', default: '50151' },
  },
  async run(values) {
    const started = Date.now();
    const out = resolve(String(values.out));
    const persons = Number(values.persons);
    if (!Number.isInteger(persons) || persons < 100 || persons > 100_000)
      throw new UsageError('--persons: a whole number from 100 to 100000');
    const say = (line: string) => process.stdout.write(`${line}\n`);
    if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, REPORT_JSON)))
      throw new UsageError(
        `--out: ${out} holds something other than a demo report; choose another folder`,
      );
    const work = mkdtempSync(join(tmpdir(), 'spe-demo-'));
    const dir = join(work, 'federation');
    await initFederation(initOptionsOf({ ...values, dir, 'data-dir': join(work, 'databases') }));
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const nodes = readLocalNodes(dir);
    say(
      `A development federation of ${nodes.map((n) => n.country).join(', ')} (certificates, signing keys, registry) in ${dir}`,
    );
    await migrateLocalNodes(nodes);
    say(
      `Generating ${persons} synthetic persons per country and loading each into its node's embedded PostgreSQL…`,
    );
    const data = await Promise.all(
      nodes.map((node) =>
        loadCountry(node, persons, String(values.seed), join(out, 'data', node.id)),
      ),
    );
    say(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    let federation;
    try {
      federation = await startLocalFederation(dir, nodes, DEMO_NODE_ENV);
      say('\nThe nodes are up; their links over mutual TLS:');
      if (!(await checkReachability(dir, nodes, say)))
        throw new Error('Some node does not reach a peer');
      const issuer = readDevIssuer(dir);
      const facts = await runDemoStudy({
        nodes: nodes.map((n) => ({ id: n.id, country: n.country, httpUrl: httpUrlOf(n) })),
        lead: nodes[0]!.id,
        issuer: issuer.issuer,
        token: (subject, roles, hdab) =>
          mintDevToken(issuer, { subject, roles, hdab, audience: 'ehds-spe', ttlSeconds: 600 }),
        registryFile: join(dir, REGISTRY_FILE_NAME),
        data,
        say,
      });
      const report = writeDemoReport(out, facts);
      say(`\nEvery stage went as it must, in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
      say(`Report: ${report.html}\n        ${report.json}\nData:   ${join(out, 'data')}/<node>/`);
    } catch (error) {
      await federation?.stop();
      process.stderr.write(
        `\nThe demo failed. The nodes' logs are kept in ${dir}/<node>/node.log\n`,
      );
      throw error;
    }
    await federation.stop();
    rmSync(work, { recursive: true, force: true });
    return 0;
  },
};

async function loadCountry(
  node: LocalNode,
  persons: number,
  seed: string,
  dir: string,
): Promise<KeptCountryData> {
  const database = await Database.open(loadDatabaseConfig(node.env));
  try {
    return await loadDemoCountry(database.dataSource, {
      node: node.id,
      country: node.country,
      persons,
      seed,
      dir,
    });
  } finally {
    await database.close();
  }
}
