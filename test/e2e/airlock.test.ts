import { DataSource } from 'typeorm';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { LifecycleService } from '../../src/modules/lifecycle/application/lifecycle.service';
import { eventually } from '../support/eventually';
import { callNode, DEV_ISSUER, grantedPermit } from '../support/granted-permit';
import { loadStudy, StudyRow, studyRows } from '../support/study-data';
import { TestFederation, TestNode } from '../support/test-federation';

/**
 * The airlock across three nodes: a contribution that fails a check waits
 * at its own node until that node's reviewers decide; the lead and the
 * researcher see only that it awaits review, and why. FR applies the
 * two-person rule.
 */

interface JobView {
  id: string;
  status: string;
  nodes: { node: string; state: string; persons?: number; reason?: string; findings?: unknown[] }[];
  result?: {
    status: string;
    contributors: { node: string; persons: number }[];
    missing: { node: string; state: string; reason: string }[];
    result?: { total?: number };
  };
}

interface HeldView {
  id: string;
  jobId: string;
  state: string;
  status: string;
  findings: { rule: string; cell: string; value: number; threshold: number; outcome: string }[];
  reviews: { reviewer: string; decision: string; reason: string }[];
  output?: { cells: { count: number }[] };
  spec?: { submittedBy: { subject: string } };
}

const ROWS: Record<string, StudyRow[]> = {
  de: studyRows(11, 400, { firstId: 1 }),
  fr: studyRows(22, 300, { valueShift: 5, firstId: 1 }),
  nl: studyRows(33, 250, { levels: ['a', 'b'], valueShift: -20, firstId: 1 }),
};
const VARIABLES = ['grp', 'flag', 'value', 'score'];

const below = (id: string, t: number) =>
  ROWS[id]!.filter((r) => r.value !== null && r.value < t).length;

describe('the airlock: output review before anything leaves a node', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};
  let permitId: string;
  // A value under which FR has a few persons (under ten) and DE and NL at least ten.
  let threshold = 30;

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR', 'NL']);
    const env = { JOB_DEADLINE_MS: '3000', SWEEP_INTERVAL_MS: '250' };
    for (const id of ['de', 'fr', 'nl']) {
      const policy: Record<string, string> = id === 'fr' ? { AIRLOCK_RELEASE_REVIEWERS: '2' } : {};
      nodes[id] = await federation.start(id, { ...env, ...policy });
      await loadStudy(nodes[id]!, ROWS[id]!);
    }
    permitId = await grantedPermit(federation, nodes, {
      lead: 'de',
      datasets: ['de', 'fr', 'nl'].map((node) => ({
        node,
        dataset: 'study',
        variables: VARIABLES,
      })),
      analysisKinds: ['count'],
    });
    while (below('fr', threshold) < 3 || below('de', threshold) < 10 || below('nl', threshold) < 10)
      threshold += 0.25;
  }, 120_000);

  afterAll(() => federation?.stop());

  const alice = () => federation.token('alice', ['researcher'], { now: nodes.de!.clock.now() });
  const reviewer = (subject: string, hdab = 'fr') =>
    federation.token(subject, ['hdab-reviewer'], { hdab });

  async function jobAtLead(id: string): Promise<JobView> {
    return (await callNode<JobView>(nodes.de!, 'GET', `/v1/jobs/${id}`, await alice())).body;
  }

  /** Submits the small-cell count and waits until FR's part awaits review at the lead. */
  async function smallCellJob(): Promise<JobView> {
    const submitted = await callNode<JobView>(nodes.de!, 'POST', '/v1/jobs', await alice(), {
      permitId,
      kind: 'count',
      params: { dataset: 'study', filters: [{ variable: 'value', op: 'lt', value: threshold }] },
    });
    expect(submitted.status).toBe(202);
    let last: JobView | undefined;
    return eventually(async () => {
      const job = (last = await jobAtLead(submitted.body.id));
      return job.nodes.find((n) => n.node === 'fr')?.state === 'AWAITING_REVIEW' &&
        job.nodes.every((n) => n.node === 'fr' || n.state === 'RELEASED')
        ? job
        : undefined;
    }, 20_000).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(last)}`);
    });
  }

  async function heldAtFr(jobId: string): Promise<HeldView> {
    const list = await callNode<HeldView[]>(
      nodes.fr!,
      'GET',
      '/v1/airlock?state=AWAITING_REVIEW',
      await reviewer('rev-fr-1'),
    );
    expect(list.status).toBe(200);
    const held = list.body.find((h) => h.jobId === jobId);
    expect(held).toBeDefined();
    return held!;
  }

  async function review(id: string, token: string, decision: 'release' | 'reject', reason: string) {
    return callNode<HeldView>(nodes.fr!, 'POST', `/v1/airlock/${id}/${decision}`, token, {
      reason,
    });
  }

  async function finished(id: string): Promise<JobView> {
    return eventually(async () => {
      const job = await jobAtLead(id);
      return job.status !== 'RUNNING' ? job : undefined;
    }, 20_000);
  }

  async function frContributionAtLead(jobId: string): Promise<unknown> {
    const [row] = (await nodes
      .de!.app.get(DataSource)
      .query(`SELECT contribution FROM job_node WHERE job_id = $1 AND node_id = 'fr'`, [
        jobId,
      ])) as { contribution: unknown }[];
    return row!.contribution;
  }

  it('holds a small-cell count at FR; the lead and the researcher see why, never the number; two FR reviewers release it', async () => {
    const small = below('fr', threshold);
    const job = await smallCellJob();
    expect(job.status).toBe('RUNNING');
    const fr = job.nodes.find((n) => n.node === 'fr')!;
    expect(fr).toEqual({
      node: 'fr',
      state: 'AWAITING_REVIEW',
      reason: 'awaiting review at fr',
      findings: [
        { rule: 'min-count', cell: 'total', threshold: 10, outcome: 'fail' },
        { rule: 'subset-complement', cell: 'subset', threshold: 10, outcome: 'fail' },
      ],
    });
    expect(await frContributionAtLead(job.id)).toBeNull();
    // No persons, no contribution, no result: nothing of FR's number reaches the lead.
    expect(job.result).toBeUndefined();

    // FR's reviewers see the output beside its checks and the job.
    const held = await heldAtFr(job.id);
    expect(held).toMatchObject({ status: 'fail', state: 'AWAITING_REVIEW' });
    expect(held.findings).toEqual([
      { rule: 'min-count', cell: 'total', value: small, threshold: 10, outcome: 'fail' },
      { rule: 'subset-complement', cell: 'subset', value: small, threshold: 10, outcome: 'fail' },
    ]);
    const detail = await callNode<HeldView>(
      nodes.fr!,
      'GET',
      `/v1/airlock/${held.id}`,
      await reviewer('rev-fr-1'),
    );
    expect(detail.body.output!.cells).toEqual([{ key: [], count: small }]);
    expect(detail.body.spec!.submittedBy.subject).toBe('alice');

    // Only FR's own reviewers: not DE's at FR, not the researcher.
    const deReviewer = await reviewer('rev-de', 'de');
    expect((await callNode(nodes.fr!, 'GET', `/v1/airlock/${held.id}`, deReviewer)).status).toBe(
      403,
    );
    expect((await review(held.id, deReviewer, 'release', 'looks fine')).status).toBe(403);
    expect((await callNode(nodes.fr!, 'GET', '/v1/airlock', await alice())).status).toBe(403);

    // The submitter cannot release their own job's output, even as a reviewer of FR.
    const aliceReviewer = await federation.token('alice', ['researcher', 'hdab-reviewer'], {
      hdab: 'fr',
    });
    const own = await review(held.id, aliceReviewer, 'release', 'my own output');
    expect({ status: own.status, code: own.body.error?.code }).toEqual({
      status: 403,
      code: 'AIRLOCK.OWN_OUTPUT',
    });

    // Two-person rule: one release is not enough, and the same reviewer cannot count twice.
    const first = await review(held.id, await reviewer('rev-fr-1'), 'release', 'aggregate only');
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('AWAITING_REVIEW');
    const again = await review(held.id, await reviewer('rev-fr-1'), 'release', 'still fine');
    expect({ status: again.status, code: again.body.error?.code }).toEqual({
      status: 409,
      code: 'AIRLOCK.ALREADY_REVIEWED',
    });
    expect((await jobAtLead(job.id)).status).toBe('RUNNING');
    expect(await frContributionAtLead(job.id)).toBeNull();

    const second = await review(held.id, await reviewer('rev-fr-2'), 'release', 'agreed');
    expect(second.status).toBe(200);
    expect(second.body.state).toBe('RELEASED');

    const done = await finished(job.id);
    expect(done.status).toBe('COMPLETE');
    expect(done.result!.result!.total).toBe(
      below('de', threshold) + small + below('nl', threshold),
    );
    expect(done.result!.contributors.find((c) => c.node === 'fr')).toEqual({
      node: 'fr',
      persons: small,
    });

    // Every check, review and release is in FR's log, with the reviewers.
    const log = nodes.fr!.app.get(AuditService);
    expect(await log.query({ action: 'output.hold' })).toHaveLength(1);
    const reviews = await log.query({ action: 'airlock.review.release' });
    expect(reviews.map((e) => e.actor)).toEqual([
      { kind: 'user', id: `${DEV_ISSUER}#rev-fr-1`, role: 'hdab-reviewer' },
      { kind: 'user', id: `${DEV_ISSUER}#rev-fr-2`, role: 'hdab-reviewer' },
    ]);
    const [release] = await log.query({ action: 'output.release' });
    expect(release!.details).toMatchObject({
      outputId: held.id,
      reviewers: [`${DEV_ISSUER}#rev-fr-1`, `${DEV_ISSUER}#rev-fr-2`],
    });

    // FR remembers the population its reviewers released, for the differencing check.
    const remembered = (await nodes
      .fr!.app.get(DataSource)
      .query(`SELECT job_id FROM airlock_population WHERE permit_id = $1`, [permitId])) as {
      job_id: string;
    }[];
    expect(remembered.map((r) => r.job_id)).toEqual([job.id]);
  }, 60_000);

  it('after a rejection the number never leaves FR: the job is PARTIAL with the reviewer’s reason', async () => {
    const job = await smallCellJob();
    const held = await heldAtFr(job.id);
    const rejected = await review(held.id, await reviewer('rev-fr-2'), 'reject', 'too few persons');
    expect(rejected.status).toBe(200);
    expect(rejected.body.state).toBe('REJECTED');
    const done = await finished(job.id);
    expect(done.status).toBe('PARTIAL');
    expect(done.result!.missing).toEqual([
      { node: 'fr', state: 'BLOCKED', reason: 'rejected by the reviewer: too few persons' },
    ]);
    expect(done.result!.result!.total).toBe(below('de', threshold) + below('nl', threshold));
    expect(await frContributionAtLead(job.id)).toBeNull();

    // A decided output is decided: no later release.
    const late = await review(held.id, await reviewer('rev-fr-1'), 'release', 'changed my mind');
    expect({ status: late.status, code: late.body.error?.code }).toEqual({
      status: 409,
      code: 'AIRLOCK.DECIDED',
    });
    expect(await frContributionAtLead(job.id)).toBeNull();
  }, 60_000);

  it('at destruction FR deletes what it never released and counts it in its signed record; what it released stays', async () => {
    const fr = nodes.fr!.app.get(DataSource);
    const outputs = async (state: 'RELEASED' | 'not released') =>
      Number(
        (
          (await fr.query(
            `SELECT count(*) AS n FROM airlock_output WHERE permit_id = $1
             AND (state = 'RELEASED') = $2`,
            [permitId, state === 'RELEASED'],
          )) as { n: string }[]
        )[0]!.n,
      );
    const [released, unreleased] = [await outputs('RELEASED'), await outputs('not released')];
    expect(released).toBeGreaterThanOrEqual(1); // the output two reviewers released
    expect(unreleased).toBeGreaterThanOrEqual(1); // the rejected one

    const admin = await federation.token('admin-de', ['hdab-admin'], {
      hdab: 'de',
      now: nodes.de!.clock.now(),
    });
    const closed = await callNode(nodes.de!, 'POST', `/v1/permits/${permitId}/close`, admin, {
      reason: 'The study ended.',
    });
    expect(closed.status).toBe(200);
    const lifecycle = nodes.fr!.app.get(LifecycleService);
    nodes.fr!.clock.advance(184 * 86_400_000);
    await eventually(async () => {
      const ticked = await lifecycle.tick();
      return ticked.some((a) => a.action.kind === 'DESTROY' && a.outcome === 'done') || undefined;
    }, 20_000);

    const destroyed = (await nodes.fr!.app.get(AuditService).query({ limit: 10_000 })).find(
      (e) => e.permitId === permitId && e.action === 'permit.destroyed',
    );
    const record = (destroyed!.details as { record: string }).record;
    const content = JSON.parse(Buffer.from(record.split('.')[1]!, 'base64url').toString()) as {
      unreleasedOutputs: number;
    };
    expect(content.unreleasedOutputs).toBe(unreleased);
    expect([await outputs('RELEASED'), await outputs('not released')]).toEqual([released, 0]);
  }, 60_000);
});
