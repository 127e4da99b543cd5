import { DataSource } from 'typeorm';
import { summaryKind } from '../../src/modules/analysis/domain/kinds/summary';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { eventually } from '../support/eventually';
import { callNode, grantedPermit } from '../support/granted-permit';
import { loadStudy, StudyRow, studyRows } from '../support/study-data';
import { TestFederation, TestNode } from '../support/test-federation';

/**
 * The airlock's rules across three nodes: DE leads with the ACRO defaults,
 * FR asks for a minimum count of 20 (so every job of the permit applies
 * 20 everywhere), NL suppresses the failing cells of its count tables
 * rather than holding them. Each node remembers the populations it released
 * and holds an output a few persons away from one of them.
 */

interface Finding {
  rule: string;
  cell: string;
  threshold: number;
  outcome: string;
  value?: number;
}

interface JobView {
  id: string;
  status: string;
  nodes: { node: string; state: string; findings?: Finding[] }[];
  result?: { result?: { cells?: { key: unknown[]; count: number | null; suppressed?: true }[] } };
}

const ROWS: Record<string, StudyRow[]> = {
  de: studyRows(41, 400, { firstId: 1 }),
  fr: studyRows(42, 300, { valueShift: 5, firstId: 1 }),
  nl: studyRows(43, 300, { valueShift: -20, firstId: 1 }),
};

const valuesOf = (id: string) =>
  ROWS[id]!.flatMap((r) => (r.value === null ? [] : [r.value])).sort((a, b) => a - b);
const below = (id: string, t: number) => valuesOf(id).filter((v) => v < t).length;

describe('the airlock rules: strictest thresholds, differencing, node-only evidence, suppression', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};
  let permitId: string;

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR', 'NL']);
    const env = { JOB_DEADLINE_MS: '3000', SWEEP_INTERVAL_MS: '250' };
    const policies: Record<string, Record<string, string>> = {
      de: {},
      fr: { OUTPUT_MIN_COUNT: '20' },
      nl: { AIRLOCK_SUPPRESS_TABLES: 'true', OUTPUT_ZEROS_REVIEW: 'false' },
    };
    for (const id of ['de', 'fr', 'nl']) {
      nodes[id] = await federation.start(id, { ...env, ...policies[id] });
      await loadStudy(nodes[id]!, ROWS[id]!);
    }
    permitId = await grantedPermit(federation, nodes, {
      lead: 'de',
      datasets: ['de', 'fr', 'nl'].map((node) => ({
        node,
        dataset: 'study',
        variables: ['grp', 'flag', 'value', 'score'],
      })),
      analysisKinds: ['count', 'summary'],
    });
  }, 120_000);

  afterAll(() => federation?.stop());

  const alice = () => federation.token('alice', ['researcher'], { now: nodes.de!.clock.now() });

  async function submit(kind: string, params: Record<string, unknown>): Promise<string> {
    const submitted = await callNode<JobView>(nodes.de!, 'POST', '/v1/jobs', await alice(), {
      permitId,
      kind,
      params: { dataset: 'study', ...params },
    });
    expect(submitted.status).toBe(202);
    return submitted.body.id;
  }

  /** The job once every node's part has left DISPATCHED/QUEUED. */
  async function settled(id: string): Promise<JobView> {
    return eventually(async () => {
      const job = (await callNode<JobView>(nodes.de!, 'GET', `/v1/jobs/${id}`, await alice())).body;
      return job.nodes.every((n) => !['QUEUED', 'DISPATCHED'].includes(n.state)) ? job : undefined;
    }, 20_000);
  }

  async function contributionAtLead(jobId: string, node: string): Promise<unknown> {
    const [row] = (await nodes
      .de!.app.get(DataSource)
      .query(`SELECT contribution FROM job_node WHERE job_id = $1 AND node_id = $2`, [
        jobId,
        node,
      ])) as { contribution: unknown }[];
    return row?.contribution;
  }

  it('applies FR’s minimum of 20 at DE too: every job carries the strictest rules of its participants', async () => {
    const t = Array.from({ length: 400 }, (_, i) => i / 4).find((x) => below('de', x) >= 10)!;
    const small = below('de', t);
    expect(small).toBeLessThan(20);
    const job = await settled(
      await submit('count', { filters: [{ variable: 'value', op: 'lt', value: t }] }),
    );
    expect(job.nodes.find((n) => n.node === 'de')).toMatchObject({
      state: 'AWAITING_REVIEW',
      findings: expect.arrayContaining([
        { rule: 'min-count', cell: 'total', threshold: 20, outcome: 'fail' },
      ]),
    });
    const [spec] = (await nodes
      .de!.app.get(DataSource)
      .query(`SELECT spec FROM job WHERE id = $1`, [job.id])) as { spec: { rules: unknown } }[];
    expect(spec!.spec.rules).toEqual({
      minCount: 20,
      zerosReview: true,
      dominanceK: 0.9,
      pRatio: 0.1,
      minResidualDf: 10,
      survivalMinEvents: 10,
      maxLevels: 40,
    });
    const [hold] = await nodes.de!.app.get(AuditService).query({ action: 'output.hold' });
    expect(hold!.details).toMatchObject({ jobId: job.id, rules: { minCount: 20 } });
  }, 60_000);

  it('catches a differencing attempt: two filters one person apart at DE, the second held naming the first', async () => {
    const de = valuesOf('de');
    const k = Math.floor(de.length / 2);
    const t1 = (de[k - 1]! + de[k]!) / 2;
    const t2 = (de[k]! + de[k + 1]!) / 2;
    expect(below('de', t2) - below('de', t1)).toBe(1);

    const first = await settled(
      await submit('count', { filters: [{ variable: 'value', op: 'lt', value: t1 }] }),
    );
    expect(first.nodes.find((n) => n.node === 'de')!.state).toBe('RELEASED');

    const second = await settled(
      await submit('count', { filters: [{ variable: 'value', op: 'lt', value: t2 }] }),
    );
    const depart = second.nodes.find((n) => n.node === 'de')!;
    expect(depart.state).toBe('AWAITING_REVIEW');
    expect(depart.findings).toEqual([
      {
        rule: 'differencing',
        cell: `population of job ${first.id}`,
        threshold: 20,
        outcome: 'review',
      },
    ]);
    expect(await contributionAtLead(second.id, 'de')).toBeNull();

    // DE's reviewers see how many persons apart; the lead never does.
    const held = await callNode<{ jobId: string; findings: Finding[] }[]>(
      nodes.de!,
      'GET',
      '/v1/airlock?state=AWAITING_REVIEW',
      await federation.token('rev-de', ['hdab-reviewer'], { hdab: 'de' }),
    );
    expect(held.body.find((h) => h.jobId === second.id)!.findings).toEqual([
      {
        rule: 'differencing',
        cell: `population of job ${first.id}`,
        value: 1,
        threshold: 20,
        outcome: 'review',
      },
    ]);
  }, 60_000);

  it('keeps the dominance evidence at the node: a summary’s contribution at the lead has no largest values', async () => {
    // The evidence as the node's PostgreSQL computes it: the second largest looked up where the
    // largest is at least a quarter of the total (a: a tie), bounded by the largest elsewhere (b).
    const db = nodes.de!.app.get(DataSource);
    await db.query(`CREATE TABLE public.evidence_probe (g text, x double precision)`);
    await db.query(
      `INSERT INTO public.evidence_probe SELECT 'a', x FROM unnest('{9,3,NULL,1,9}'::float8[]) AS x
       UNION ALL SELECT 'b', x FROM generate_series(1, 10) AS x`,
    );
    const probe = summaryKind.params.parse({ dataset: 'probe', variable: 'x', groupBy: ['g'] });
    const { sql, values } = summaryKind.local(
      probe,
      {
        sqlName: 'public.evidence_probe',
        columns: [
          { name: 'g', type: 'category', levels: ['a', 'b'] },
          { name: 'x', type: 'number' },
        ],
      },
      undefined,
    );
    const rows = (await db.query(sql, [...values])) as Record<string, unknown>[];
    await db.query(`DROP TABLE public.evidence_probe`);
    expect(summaryKind.evidence!(probe, rows, undefined)).toEqual([
      { key: ['a'], total: 22, largest: 9, second: 9, smallest: 1 },
      { key: ['b'], total: 55, largest: 10, second: 10, smallest: 1 },
    ]);

    const job = await settled(await submit('summary', { variable: 'score', groupBy: ['grp'] }));
    expect(job.nodes.find((n) => n.node === 'de')!.state).toBe('RELEASED');
    const contribution = (await contributionAtLead(job.id, 'de')) as {
      groups: Record<string, unknown>[];
    };
    expect(Object.keys(contribution).sort()).toEqual(['excluded', 'groupBy', 'groups', 'variable']);
    for (const group of contribution.groups) {
      expect(Object.keys(group).sort()).toEqual(['key', 'm2', 'mean', 'n']);
    }
  }, 60_000);

  it('releases NL’s count table with its small cells suppressed (null) and enough others that no margin gives one back', async () => {
    const cellsAt = (t: number) =>
      ['a', 'b', 'c'].flatMap((grp) =>
        [false, true].map(
          (flag) =>
            ROWS.nl!.filter(
              (r) => r.grp === grp && r.flag === flag && r.value !== null && r.value < t,
            ).length,
        ),
      );
    // The first threshold at which NL has a small cell and at least three of 20 or more.
    const t = Array.from({ length: 200 }, (_, i) => i / 2).find(
      (x) =>
        cellsAt(x).some((n) => n > 0 && n < 20) && cellsAt(x).filter((n) => n >= 20).length >= 3,
    )!;
    expect(t).toBeDefined();

    const job = await settled(
      await submit('count', {
        groupBy: ['grp', 'flag'],
        filters: [{ variable: 'value', op: 'lt', value: t }],
      }),
    );
    expect(job.nodes.find((n) => n.node === 'nl')!.state).toBe('RELEASED');
    const released = (await contributionAtLead(job.id, 'nl')) as {
      cells: { key: [string, boolean]; count: number | null }[];
    };
    const hidden = released.cells.filter((cell) => cell.count === null);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const cell of released.cells) {
      if (cell.count !== null) expect(cell.count).toBeGreaterThanOrEqual(20);
    }
    // Each small cell of NL's table is among the suppressed ones.
    for (const grp of ['a', 'b', 'c']) {
      for (const flag of [false, true]) {
        const n = ROWS.nl!.filter(
          (r) => r.grp === grp && r.flag === flag && r.value !== null && r.value < t,
        ).length;
        if (n > 0 && n < 20) expect(hidden.map((c) => c.key)).toContainEqual([grp, flag]);
      }
    }
    const outputs = await nodes.nl!.app.get(AuditService).query({ action: 'output.release' });
    expect(outputs.some((e) => (e.details as { jobId?: string }).jobId === job.id)).toBe(true);
  }, 60_000);
});
