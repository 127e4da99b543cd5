import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { REGISTRY_FILE_NAME } from '../../src/cli/federation-folder';
import { DEMO_NODE_ENV } from '../../src/cli/commands/demo.command';
import { KeptCountryData, loadDemoCountry } from '../../src/cli/demo/demo-data';
import { DemoFacts } from '../../src/cli/demo/demo-facts';
import { runDemoStudy } from '../../src/cli/demo/demo-study';
import { REPORT_HTML, REPORT_JSON, writeDemoReport } from '../../src/cli/demo/write-report';
import type { CountResult } from '../../src/modules/analysis/domain/kinds/count/combine';
import type { SummaryResult } from '../../src/modules/analysis/domain/kinds/summary/combine';
import { DEV_ISSUER } from '../support/granted-permit';
import { TestFederation, TestNode } from '../support/test-federation';

/**
 * The demo's study, run in this process against three nodes: every stage
 * must go as it must, and the report's pooled results must equal the same
 * analysis of the country files the demo keeps beside it.
 */

const NODES = ['de', 'fr', 'nl'] as const;
const PERSONS = 1000;

describe('the demo: a three-country study from application to destruction', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};
  let out: string;
  let data: KeptCountryData[];

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'spe-demo-report-'));
    federation = await TestFederation.create(['DE', 'FR', 'NL']);
    for (const id of NODES) nodes[id] = await federation.start(id, DEMO_NODE_ENV);
    data = await Promise.all(
      NODES.map((id) =>
        loadDemoCountry(nodes[id]!.app.get(DataSource), {
          node: id,
          country: id.toUpperCase(),
          persons: PERSONS,
          seed: '1',
          dir: join(out, 'data', id),
        }),
      ),
    );
  }, 300_000);

  afterAll(async () => {
    await federation?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  it('walks the five stages and writes a report whose results equal the pooled country files', async () => {
    const lines: string[] = [];
    const facts = await runDemoStudy({
      nodes: NODES.map((id) => ({ id, country: id.toUpperCase(), httpUrl: nodes[id]!.httpUrl })),
      lead: 'de',
      issuer: DEV_ISSUER,
      token: (subject, roles, hdab) => federation.token(subject, roles, { hdab }),
      registryFile: join(federation.dir, REGISTRY_FILE_NAME),
      data,
      say: (line) => lines.push(line),
      stageTimeoutMs: 120_000,
    });
    writeDemoReport(out, facts);

    expect(existsSync(join(out, REPORT_HTML))).toBe(true);
    const report = JSON.parse(readFileSync(join(out, REPORT_JSON), 'utf8')) as DemoFacts;
    expect(report.permit.signatures.map((s) => [s.node, s.verified])).toEqual(
      NODES.map((id) => [id, true]),
    );
    expect(report.jobs.map((j) => [j.kind, j.status])).toEqual([
      ['count', 'COMPLETE'],
      ['summary', 'COMPLETE'],
      ['histogram', 'COMPLETE'],
      ['logistic-regression', 'COMPLETE'],
      ['kaplan-meier', 'COMPLETE'],
      ['count', 'COMPLETE'],
    ]);
    expect(report.airlock.length).toBeGreaterThan(0);
    expect(report.lifecycle.destruction.map((d) => [d.node, d.verified])).toEqual(
      NODES.map((id) => [id, true]),
    );
    // The one held output was released: no node destroyed an output that never left it.
    expect(report.lifecycle.destruction.map((d) => d.content.unreleasedOutputs)).toEqual(
      NODES.map(() => 0),
    );
    expect(report.audit.map((a) => [a.nodeId, a.verified])).toEqual(NODES.map((id) => [id, true]));
    const html = readFileSync(join(out, REPORT_HTML), 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/<script/i);

    const pooled = NODES.flatMap((id) =>
      readCsv(join(out, report.data.find((d) => d.node === id)!.datasetCsv)),
    );
    expect(pooled).toHaveLength(3 * PERSONS);

    const count = report.jobs[0]!.result as CountResult;
    for (const cell of count.cells) {
      const [sex, diabetes] = cell.key.map(String);
      expect(cell.count).toBe(
        pooled.filter((r) => r.sex === sex && r.diabetes === diabetes).length,
      );
    }
    expect(count.total).toBe(pooled.length);

    const summary = report.jobs[1]!.result as SummaryResult;
    for (const group of summary.groups) {
      const values = pooled
        .filter((r) => r.sex === String(group.key[0]) && r.bmi !== '')
        .map((r) => Number(r.bmi));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
      expect(group.n).toBe(values.length);
      expect(relative(group.mean!, mean)).toBeLessThan(1e-9);
      expect(relative(group.variance!, variance)).toBeLessThan(1e-9);
    }
  }, 300_000);
});

function readCsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  return rows.map((row) => {
    const cells = row.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}
