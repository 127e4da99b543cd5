import { generateKeyPair, JWTPayload, SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { JobPeers, RunJobRequest } from '../../src/modules/jobs/application/job-peers.port';
import { canonicalJson } from '../../src/modules/permits/domain/canonical-json';
import { DomainError } from '../../src/shared/errors';
import { JobDispatcher } from '../../src/modules/jobs/application/job-dispatcher.service';
import { eventually } from '../support/eventually';
import { callNode, DEV_ISSUER, grantedPermit } from '../support/granted-permit';
import { loadStudy, StudyRow, studyRows } from '../support/study-data';
import { TEST_DATABASE_URL } from '../support/test-database';
import { leadRunRequest } from '../support/lead-run-request';
import { TestFederation, TestNode } from '../support/test-federation';

/**
 * Federated jobs across three nodes, each on its own database: every kind
 * equals the same computation on the pooled rows, computed here directly
 * from the rows the test generated.
 */

interface JobView {
  id: string;
  status: string;
  nodes: { node: string; state: string; persons?: number; reason?: string; findings?: unknown[] }[];
  spec: { kind: string; params: Record<string, unknown> };
  result?: {
    status: string;
    contributors: { node: string; persons: number }[];
    missing: { node: string; state: string; reason: string }[];
    result?: unknown;
  };
}

type Filter = {
  variable: keyof StudyRow;
  op: 'ge' | 'lt' | 'eq';
  value: number | string | boolean;
};

const ROWS: Record<string, StudyRow[]> = {
  de: studyRows(11, 400, { firstId: 1 }),
  fr: studyRows(22, 300, { valueShift: 5, firstId: 1 }),
  // NL has no group c, and all its values lie below 50.
  nl: studyRows(33, 250, { levels: ['a', 'b'], valueShift: -20, firstId: 1 }),
};
const VARIABLES = ['grp', 'flag', 'value', 'score'];

const matches = (row: StudyRow, filters: Filter[]) =>
  filters.every((f) => {
    const v = row[f.variable];
    if (v === null) return false;
    if (f.op === 'eq') return v === f.value;
    return f.op === 'ge'
      ? (v as number) >= (f.value as number)
      : (v as number) < (f.value as number);
  });

const pooled = (filters: Filter[] = [], nodes = ['de', 'fr', 'nl']) =>
  nodes.flatMap((n) => ROWS[n]!).filter((r) => matches(r, filters));

function expectClose(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('federated jobs: the code travels, the rows stay', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};
  let permitId: string;

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR', 'NL']);
    // Failing outputs are blocked outright here; the airlock's review is tested on its own.
    const env = { JOB_DEADLINE_MS: '3000', SWEEP_INTERVAL_MS: '250', AIRLOCK_BLOCK_FAILS: 'true' };
    for (const id of ['de', 'fr', 'nl']) {
      nodes[id] = await federation.start(id, env, { onDisk: id === 'de' });
      await loadStudy(nodes[id]!, ROWS[id]!);
    }
    permitId = await grantedPermit(federation, nodes, {
      lead: 'de',
      datasets: ['de', 'fr', 'nl'].flatMap((node) => [
        { node, dataset: 'study', variables: VARIABLES },
        { node, dataset: 'study_copy', variables: VARIABLES },
      ]),
      analysisKinds: ['count', 'summary', 'histogram'],
    });
  }, 120_000);

  afterAll(() => federation?.stop());

  const alice = () => federation.token('alice', ['researcher'], { now: nodes.de!.clock.now() });

  async function submit(kind: string, params: Record<string, unknown>, token?: string) {
    return callNode<JobView>(nodes.de!, 'POST', '/v1/jobs', token ?? (await alice()), {
      permitId,
      kind,
      params: { dataset: 'study', ...params },
    });
  }

  async function finished(id: string): Promise<JobView> {
    return eventually(async () => {
      const job = await callNode<JobView>(nodes.de!, 'GET', `/v1/jobs/${id}`, await alice());
      if (job.status !== 200) throw new Error(`GET /v1/jobs/${id}: ${JSON.stringify(job.body)}`);
      return job.body.status !== 'RUNNING' ? job.body : undefined;
    }, 30_000);
  }

  async function run(kind: string, params: Record<string, unknown>): Promise<JobView> {
    const submitted = await submit(kind, params);
    expect(submitted.status).toBe(202);
    return finished(submitted.body.id);
  }

  describe('preparation', () => {
    it('builds at each node a workspace of only the permitted variables, keyed by pseudonyms', async () => {
      for (const id of ['de', 'fr', 'nl']) {
        const db = nodes[id]!.app.get(DataSource);
        const schema = `ws_${permitId.replace(/-/g, '')}`;
        const columns = (await db.query(
          `SELECT column_name FROM information_schema.columns
           WHERE table_schema = $1 AND table_name = 'study' ORDER BY ordinal_position`,
          [schema],
        )) as { column_name: string }[];
        expect(columns.map((c) => c.column_name)).toEqual(['pseudonym', ...[...VARIABLES].sort()]);
        const rows = (await db.query(
          `SELECT encode(pseudonym, 'hex') AS pseudonym FROM "${schema}".study`,
        )) as { pseudonym: string }[];
        expect(rows).toHaveLength(ROWS[id]!.length);
        // HMAC-SHA-256: 32 bytes.
        expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.pseudonym))).toBe(true);
        // Analysed once built: the planner has the table's statistics before the first job. (Whether
        // the vacuum could also mark every page all-visible depends on other transactions then open.)
        const [stats] = (await db.query(`SELECT reltuples FROM pg_class WHERE oid = $1::regclass`, [
          `"${schema}".study`,
        ])) as { reltuples: number }[];
        expect(Number(stats!.reltuples)).toBe(ROWS[id]!.length);
        const [secret] = (await db.query(
          `SELECT octet_length(secret) AS bytes FROM workspace_secret WHERE permit_id = $1`,
          [permitId],
        )) as { bytes: number }[];
        expect(Number(secret!.bytes)).toBe(32);
      }
    });

    it('gives the same person different pseudonyms in different countries', async () => {
      const pseudonymsOf = async (id: string) =>
        new Set(
          (
            (await nodes[id]!.app.get(DataSource).query(
              `SELECT encode(pseudonym, 'hex') AS pseudonym FROM "ws_${permitId.replace(/-/g, '')}".study`,
            )) as { pseudonym: string }[]
          ).map((r) => r.pseudonym),
        );
      // Person ids 1… exist in every country; keyed by each node's own secret, nothing links them.
      const [de, fr] = [await pseudonymsOf('de'), await pseudonymsOf('fr')];
      expect([...de].filter((p) => fr.has(p))).toEqual([]);
    });
  });

  describe('following a job', () => {
    it('answers GET ?wait=… as soon as the job has settled, so a client need not poll', async () => {
      const submitted = await submit('count', {});
      const reply = await callNode<JobView>(
        nodes.de!,
        'GET',
        `/v1/jobs/${submitted.body.id}?wait=20s`,
        await alice(),
      );
      expect(reply.status).toBe(200);
      expect(reply.body.status).toBe('COMPLETE');
      expect(reply.body.result!.result).toMatchObject({ total: pooled().length });
    });

    it('refuses a wait that is no duration or is longer than 30 s', async () => {
      const { id } = (await submit('count', {})).body;
      for (const wait of ['forever', '5', '31s', '-1s', '30001ms']) {
        const reply = await callNode<{ error?: { code: string } }>(
          nodes.de!,
          'GET',
          `/v1/jobs/${id}?wait=${wait}`,
          await alice(),
        );
        expect({ wait, status: reply.status, code: reply.body.error?.code }).toEqual({
          wait,
          status: 400,
          code: 'REQUEST.INVALID',
        });
      }
      await finished(id);
    });
  });

  describe('counts and contingency tables', () => {
    it('counts everyone', async () => {
      const job = await run('count', {});
      expect(job.status).toBe('COMPLETE');
      expect(job.result!.result).toMatchObject({ total: pooled().length });
      expect(job.result!.contributors).toEqual(
        ['de', 'fr', 'nl'].map((node) => ({ node, persons: ROWS[node]!.length })),
      );
    });

    it('tabulates two variables, with a level absent in one country', async () => {
      const job = await run('count', { groupBy: ['grp', 'flag'] });
      expect(job.status).toBe('COMPLETE');
      const result = job.result!.result as { cells: { key: unknown[]; count: number }[] };
      const expected = ['a', 'b', 'c'].flatMap((grp) =>
        [false, true].map((flag) => ({
          key: [grp, flag],
          count: pooled().filter((r) => r.grp === grp && r.flag === flag).length,
        })),
      );
      expect(result.cells).toEqual(expected);
    });

    it('counts with a filter that no row of one country matches: that country contributes 0', async () => {
      const filters: Filter[] = [{ variable: 'value', op: 'ge', value: 50 }];
      const job = await run('count', { groupBy: ['grp'], filters });
      expect(job.status).toBe('COMPLETE');
      expect(job.result!.contributors.find((c) => c.node === 'nl')).toEqual({
        node: 'nl',
        persons: 0,
      });
      const result = job.result!.result as { cells: { key: unknown[]; count: number }[] };
      expect(result.cells).toEqual(
        ['a', 'b', 'c'].map((grp) => ({
          key: [grp],
          count: pooled(filters).filter((r) => r.grp === grp).length,
        })),
      );
    });
  });

  describe('mean, variance and standard deviation', () => {
    function moments(values: number[]) {
      const n = values.length;
      const mean = values.reduce((s, v) => s + v, 0) / n;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
      return { n, mean, variance, sd: Math.sqrt(variance) };
    }

    it('equals the two-pass computation on the pooled complete cases, overall and by group, and reports the persons left out', async () => {
      const job = await run('summary', { variable: 'value', groupBy: ['flag'] });
      expect(job.status).toBe('COMPLETE');
      // Each country misses a few values: fewer than ten each, so each withholds its number.
      const missing = ['de', 'fr', 'nl'].map(
        (n) => ROWS[n]!.filter((r) => r.value === null).length,
      );
      expect(missing.every((m) => m > 0 && m < 10)).toBe(true);
      expect((job.result!.result as { excluded: unknown }).excluded).toEqual({
        count: 0,
        withheldAt: 3,
      });
      const groups = (
        job.result!.result as {
          groups: { key: unknown[]; n: number; mean: number; variance: number; sd: number }[];
        }
      ).groups;
      for (const flag of [false, true]) {
        const expected = moments(
          pooled()
            .filter((r) => r.flag === flag && r.value !== null)
            .map((r) => r.value!),
        );
        const group = groups.find((g) => g.key[0] === flag)!;
        expect(group.n).toBe(expected.n);
        expectClose(group.mean, expected.mean);
        expectClose(group.variance, expected.variance);
        expectClose(group.sd, expected.sd);
      }
    });

    it('with a filter matching nothing in one country', async () => {
      const filters: Filter[] = [{ variable: 'value', op: 'ge', value: 50 }];
      const job = await run('summary', { variable: 'score', filters });
      expect(job.status).toBe('COMPLETE');
      const [group] = (
        job.result!.result as { groups: { n: number; mean: number; variance: number }[] }
      ).groups;
      const expected = moments(pooled(filters).map((r) => r.score));
      expect(group!.n).toBe(expected.n);
      expectClose(group!.mean, expected.mean);
      expectClose(group!.variance, expected.variance);
    });
  });

  describe('histograms and quantiles', () => {
    it('bins with researcher-given edges (values on the edges included) and estimates quantiles from the pooled bins', async () => {
      const edges = [0, 2, 4, 6, 8, 10];
      const ps = [0.1, 0.5, 0.9];
      const job = await run('histogram', { variable: 'score', edges, quantiles: ps });
      expect(job.status).toBe('COMPLETE');
      const result = job.result!.result as {
        counts: number[];
        below: number;
        above: number;
        quantiles: { p: number; value: number }[];
      };
      const scores = pooled().map((r) => r.score);
      const counts = edges
        .slice(0, -1)
        .map((low, i) => scores.filter((s) => s >= low && s < edges[i + 1]!).length);
      expect(result.counts).toEqual(counts);
      expect(result.below).toBe(0);
      expect(result.above).toBe(0);
      for (const p of ps) {
        // Linear interpolation in the bin where the cumulative count reaches p·N.
        const target = p * scores.length;
        let before = 0;
        let i = 0;
        while (before + counts[i]! < target) before += counts[i++]!;
        const expected = edges[i]! + ((target - before) / counts[i]!) * (edges[i + 1]! - edges[i]!);
        expectClose(result.quantiles.find((q) => q.p === p)!.value, expected);
      }
    });
  });

  describe('the output gate', () => {
    it('holds back a contribution under the minimum count: the job is PARTIAL and names the node', async () => {
      // A threshold under which FR has a few persons and DE at least ten.
      const below = (id: string, t: number) =>
        ROWS[id]!.filter((r) => r.value !== null && r.value < t).length;
      let threshold = 30;
      while (below('fr', threshold) < 3 || below('de', threshold) < 10) threshold += 0.25;
      expect(below('fr', threshold)).toBeLessThan(10);
      const filters: Filter[] = [{ variable: 'value', op: 'lt', value: threshold }];
      const job = await run('count', { filters });
      expect(job.status).toBe('PARTIAL');
      expect(job.result!.missing).toEqual([
        { node: 'fr', state: 'BLOCKED', reason: 'held back by the output gate' },
      ]);
      expect(job.nodes.find((n) => n.node === 'fr')!.findings).toEqual([
        { rule: 'min-count', cell: 'total', threshold: 10, outcome: 'fail' },
        { rule: 'subset-complement', cell: 'subset', threshold: 10, outcome: 'fail' },
      ]);
      expect(job.result!.result).toMatchObject({ total: pooled(filters, ['de', 'nl']).length });
      expect(JSON.stringify(job)).not.toContain(`"count":${below('fr', threshold)},`);
    });
  });

  describe('a node that does not answer in time', () => {
    it('makes the job PARTIAL, naming the node and the deadline', async () => {
      const release = await holdWorkspace(nodes.fr!, 'study');
      try {
        const job = await run('count', {});
        expect(job.status).toBe('PARTIAL');
        const fr = job.result!.missing.find((m) => m.node === 'fr')!;
        expect(fr.state).toBe('FAILED');
        expect(fr.reason).toContain('PEER.DEADLINE_EXCEEDED');
        expect(job.result!.contributors.map((c) => c.node)).toEqual(['de', 'nl']);
        expect(job.result!.result).toMatchObject({ total: ROWS.de!.length + ROWS.nl!.length });
      } finally {
        await release();
      }
    }, 30_000);
  });

  describe('cancellation', () => {
    it('the submitter cancels; a part that answers later is discarded', async () => {
      const release = await holdWorkspace(nodes.fr!, 'study');
      let id: string;
      try {
        id = (await submit('count', {})).body.id;
        await eventually(async () => {
          const job = await callNode<JobView>(nodes.de!, 'GET', `/v1/jobs/${id}`, await alice());
          return job.body.nodes.filter((n) => n.state === 'RELEASED').length === 2
            ? true
            : undefined;
        });
        const bob = await federation.token('bob', ['researcher']);
        expect((await callNode(nodes.de!, 'POST', `/v1/jobs/${id}/cancel`, bob)).status).toBe(404);
        const cancelled = await callNode<JobView>(
          nodes.de!,
          'POST',
          `/v1/jobs/${id}/cancel`,
          await alice(),
        );
        expect(cancelled.status).toBe(200);
        expect(cancelled.body.status).toBe('CANCELLED');
        expect(cancelled.body.nodes.find((n) => n.node === 'fr')!.state).toBe('CANCELLED');
      } finally {
        await release();
      }
      const again = await callNode<JobView>(
        nodes.de!,
        'POST',
        `/v1/jobs/${id}/cancel`,
        await alice(),
      );
      expect(again.body.error?.code).toBe('JOB.FINISHED');
      const job = await finished(id);
      expect(job.status).toBe('CANCELLED');
      expect(job.result!.result).toBeUndefined();
    }, 30_000);
  });

  describe('a restart of the lead', () => {
    it('does not lose a job: the part left out is dispatched again and the job completes', async () => {
      const release = await holdWorkspace(nodes.fr!, 'study');
      let id: string;
      try {
        id = (await submit('count', { groupBy: ['grp'] })).body.id;
        await eventually(async () => {
          const job = await callNode<JobView>(nodes.de!, 'GET', `/v1/jobs/${id}`, await alice());
          return job.body.nodes.filter((n) => n.state === 'RELEASED').length === 2
            ? true
            : undefined;
        });
        nodes.de = await federation.restart(nodes.de!);
      } finally {
        await release();
      }
      // The lease of the interrupted dispatch runs out; the sweep sends FR its part again.
      nodes.de.clock.advance(60 * 60_000);
      await nodes.de.app.get(JobDispatcher).dispatch();
      const job = await finished(id);
      expect(job.status).toBe('COMPLETE');
      expect(job.result!.result).toMatchObject({ total: pooled().length });
      const [fr] = (await nodes.de.app
        .get(DataSource)
        .query(`SELECT attempts FROM job_node WHERE job_id = $1 AND node_id = 'fr'`, [id])) as {
        attempts: number;
      }[];
      expect(fr!.attempts).toBe(2);
    }, 60_000);
  });
  // The embedded database has a single session: there, one node's queries run one after another.
  (TEST_DATABASE_URL ? describe : describe.skip)('several jobs at one node', () => {
    it('run at once: a job waiting on one table does not hold up a job on another', async () => {
      const release = await holdWorkspace(nodes.fr!, 'study');
      let waiting: string;
      try {
        waiting = (await submit('count', {})).body.id;
        const other = await callNode<JobView>(nodes.de!, 'POST', '/v1/jobs', await alice(), {
          permitId,
          kind: 'count',
          params: { dataset: 'study_copy' },
        });
        const done = await finished(other.body.id);
        expect(done.status).toBe('COMPLETE');
        expect(done.result!.result).toMatchObject({ total: pooled().length });
        // A long poll of a job that does not settle in time answers it as it stands.
        const stillWaiting = await callNode<JobView>(
          nodes.de!,
          'GET',
          `/v1/jobs/${waiting}?wait=300ms`,
          await alice(),
        );
        expect(stillWaiting.body.status).toBe('RUNNING');
      } finally {
        await release();
      }
      expect((await finished(waiting)).status).toBe('COMPLETE');
    }, 30_000);
  });

  describe('bad requests are refused with a clear error and run nothing at any node', () => {
    async function runsEverywhere(): Promise<number[]> {
      const counts = [];
      for (const id of ['de', 'fr', 'nl']) {
        const db = nodes[id]!.app.get(DataSource);
        const [runs] = (await db.query(`SELECT count(*) AS n FROM job_run`)) as { n: string }[];
        counts.push(Number(runs!.n));
      }
      const [jobs] = (await nodes
        .de!.app.get(DataSource)
        .query(`SELECT count(*) AS n FROM job`)) as {
        n: string;
      }[];
      return [...counts, Number(jobs!.n)];
    }

    async function refused(
      expected: { status: number; code: string },
      send: () => Promise<{ status: number; body: { error?: { code: string; message: string } } }>,
    ) {
      const before = await runsEverywhere();
      const reply = await send();
      expect({ status: reply.status, code: reply.body.error?.code }).toEqual(expected);
      expect(reply.body.error!.message.length).toBeGreaterThan(10);
      expect(await runsEverywhere()).toEqual(before);
      return reply.body.error!;
    }

    it('an unknown variable', async () => {
      const error = await refused({ status: 400, code: 'ANALYSIS.UNKNOWN_VARIABLE' }, () =>
        submit('summary', { variable: 'weight' }),
      );
      expect(error.message).toContain('weight');
    });

    it('a variable of the dataset that is outside the permit, also inside a filter', async () => {
      await refused({ status: 403, code: 'ANALYSIS.VARIABLE_NOT_PERMITTED' }, () =>
        submit('summary', { variable: 'birth_year' }),
      );
      await refused({ status: 403, code: 'ANALYSIS.VARIABLE_NOT_PERMITTED' }, () =>
        submit('count', { filters: [{ variable: 'birth_year', op: 'lt', value: 1960 }] }),
      );
    });

    it('an analysis kind the permit does not allow', async () => {
      await refused({ status: 403, code: 'ANALYSIS.KIND_NOT_PERMITTED' }, () =>
        submit('linear-regression', { outcome: 'value', predictors: ['score'] }),
      );
    });

    it('parameters that do not fit the variables', async () => {
      await refused({ status: 400, code: 'ANALYSIS.INVALID_PARAMS' }, () =>
        submit('summary', { variable: 'grp' }),
      );
      await refused({ status: 400, code: 'ANALYSIS.INVALID_PARAMS' }, () =>
        submit('histogram', { variable: 'score', edges: [5, 1] }),
      );
    });

    it('a researcher the permit does not name', async () => {
      const bob = await federation.token('bob', ['researcher'], { now: nodes.de!.clock.now() });
      await refused({ status: 403, code: 'PERMIT.USER_NOT_NAMED' }, () => submit('count', {}, bob));
    });

    describe('sent straight to a node over mutual TLS as the lead', () => {
      const request = async (spec: Record<string, unknown>, assertion?: string) =>
        leadRunRequest(nodes.de!, permitId, await alice(), { spec, assertion });

      async function sendToFr(run: RunJobRequest) {
        const before = await runsEverywhere();
        const outcome = await nodes
          .de!.app.get(JobPeers)
          .run('fr', run, 5000)
          .then(
            () => 'ran',
            (error: DomainError) => error.code,
          );
        expect(await runsEverywhere()).toEqual(before);
        return outcome;
      }

      it('runs a genuine request (the control case)', async () => {
        expect(await nodes.de!.app.get(JobPeers).run('fr', await request({}), 5000)).toMatchObject({
          outcome: 'RELEASED',
        });
      });

      it('refuses an assertion signed by a key that is not the lead’s', async () => {
        const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
        const run = await request({});
        const kid = JSON.parse(Buffer.from(run.assertion.split('.')[0]!, 'base64url').toString())
          .kid as string;
        const forged = await new SignJWT(
          JSON.parse(
            Buffer.from(run.assertion.split('.')[1]!, 'base64url').toString(),
          ) as JWTPayload,
        )
          .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'spe-job-submitter+jwt' })
          .sign(privateKey);
        expect(await sendToFr({ ...run, assertion: forged })).toBe('JOB.ASSERTION_INVALID');
      });

      it('refuses a specification changed after the lead signed it', async () => {
        const run = await request({});
        const changed = canonicalJson({
          ...(JSON.parse(run.specJson) as object),
          params: { dataset: 'study', groupBy: ['grp'], filters: [] },
        });
        expect(await sendToFr({ ...run, specJson: changed })).toBe('JOB.ASSERTION_INVALID');
      });

      it('refuses a submitter other than the one the assertion names', async () => {
        const run = await request({});
        const other = canonicalJson({
          ...(JSON.parse(run.specJson) as object),
          submittedBy: { issuer: DEV_ISSUER, subject: 'bob' },
        });
        expect(await sendToFr({ ...run, specJson: other })).toBe('JOB.ASSERTION_INVALID');
      });

      it('refuses a variable outside the permit even when the lead would send it', async () => {
        const run = await request({
          kind: 'summary',
          params: { dataset: 'study', variable: 'birth_year', groupBy: [], filters: [] },
        });
        expect(await sendToFr(run)).toBe('ANALYSIS.VARIABLE_NOT_PERMITTED');
        const refusals = await nodes
          .fr!.app.get(AuditService)
          .query({ action: 'job.refuse', outcome: 'denied' });
        expect(refusals.map((r) => r.errorCode)).toContain('ANALYSIS.VARIABLE_NOT_PERMITTED');
      });
    });

    it('a permit that has been archived: at the lead, and at a node asked directly', async () => {
      const run = await leadRunRequest(nodes.de!, permitId, await alice());
      const admin = await federation.token('admin-nl', ['hdab-admin'], { hdab: 'nl' });
      const revoked = await callNode(nodes.nl!, 'POST', `/v1/permits/${permitId}/revoke`, admin, {
        reason: 'end of the test',
      });
      expect(revoked.body).toMatchObject({ status: 'ARCHIVED', notYetTold: [] });
      await refused({ status: 400, code: 'PERMIT.NOT_ACTIVE' }, () => submit('count', {}));
      const before = await runsEverywhere();
      await expect(nodes.de!.app.get(JobPeers).run('fr', run, 5000)).rejects.toMatchObject({
        code: 'PERMIT.NOT_ACTIVE',
      });
      expect(await runsEverywhere()).toEqual(before);
      const submitted = await nodes
        .de!.app.get(AuditService)
        .query({ action: 'POST /v1/jobs', outcome: 'invalid' });
      expect(submitted.map((e) => e.errorCode)).toContain('PERMIT.NOT_ACTIVE');
    });
  });
});

/**
 * Holds a node's workspace table in a transaction with an exclusive lock, so
 * the node's analysis of it waits (on the embedded database, the whole
 * session waits). Returns the release.
 */
async function holdWorkspace(node: TestNode, dataset: string): Promise<() => Promise<void>> {
  const db = node.app.get(DataSource);
  const [{ schema_name }] = (await db.query(
    `SELECT schema_name FROM workspace ORDER BY updated_at LIMIT 1`,
  )) as { schema_name: string }[];
  let locked!: () => void;
  let release!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const holding = db.transaction(async (manager) => {
    await manager.query(`LOCK TABLE "${schema_name}"."${dataset}" IN ACCESS EXCLUSIVE MODE`);
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await holding;
  };
}
