import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { AuditEntry } from '../../src/modules/audit/domain/audit-entry';
import { JobPeers } from '../../src/modules/jobs/application/job-peers.port';
import { DestructionSigner } from '../../src/modules/lifecycle/application/destruction-signer.port';
import { LifecyclePeers } from '../../src/modules/lifecycle/application/lifecycle-peers.port';
import { LifecycleService } from '../../src/modules/lifecycle/application/lifecycle.service';
import { GeneralJws } from '../../src/modules/permits/domain/permit';
import { PublicJwk } from '../../src/modules/federation/domain/federation-member';
import { DomainError } from '../../src/shared/errors';
import { eventually } from '../support/eventually';
import { callNode, grantedPermit } from '../support/granted-permit';
import { loadStudy, studyRows } from '../support/study-data';
import { leadRunRequest } from '../support/lead-run-request';
import { TestFederation, TestNode } from '../support/test-federation';

/**
 * The end of a permit across three nodes, each on its own database, with
 * the nodes' clocks moved instead of waiting: grant, use, expiry and
 * archival at every node on its own, destruction six months later (with a
 * crash at the lead between the drop and the record), the signed records
 * collected at the lead and checked against each node's published key.
 */

const NODES = ['de', 'fr', 'nl'] as const;
const ROWS = { de: studyRows(1, 60), fr: studyRows(2, 50), nl: studyRows(3, 40) };
const DAY = 86_400_000;

interface JobView {
  id: string;
  status: string;
  nodes: { node: string; state: string }[];
  result?: { status: string; result?: { total: number }; error?: string };
}

interface LifecycleView {
  status: string;
  validUntil?: string;
  extension?: { status: string };
  archivedAt?: string;
  archiveReason?: string;
  destroyDueAt?: string;
  destroyedAt?: string;
  next: { event: string; at?: string; due?: boolean; from?: string[] } | null;
  records?: {
    node: string;
    destroyed: boolean;
    destroyedAt?: string;
    record?: string;
    content?: Record<string, unknown>;
  }[];
  notYetTold?: string[];
}

describe('archive and destroy: the end of a permit, on schedule, verifiably', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};
  let permitId: string;
  let schema: string;
  const secretIds: Record<string, string> = {};
  let releasedJob: string;
  let cancelledJob: string;

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR', 'NL']);
    // The scheduler's own ticks (once a year) stay out of the way: the test ticks by hand.
    const env = { LIFECYCLE_SCHEDULE: '0 0 1 1 *', SWEEP_INTERVAL_MS: '250' };
    for (const id of NODES) {
      nodes[id] = await federation.start(id, env, { onDisk: id === 'de' });
      await loadStudy(nodes[id]!, ROWS[id]);
    }
    permitId = await grant();
    schema = `ws_${permitId.replace(/-/g, '')}`;
  }, 120_000);

  afterAll(() => federation?.stop());

  const grant = () =>
    grantedPermit(federation, nodes, {
      lead: 'de',
      datasets: NODES.map((node) => ({ node, dataset: 'study', variables: ['grp', 'value'] })),
      analysisKinds: ['count'],
    });
  const advance = (ms: number) => NODES.forEach((id) => nodes[id]!.clock.advance(ms));
  const tick = (id: string) => nodes[id]!.app.get(LifecycleService).tick();
  const db = (id: string) => nodes[id]!.app.get(DataSource);
  const alice = () => federation.token('alice', ['researcher'], { now: nodes.de!.clock.now() });
  const admin = (id: string) =>
    federation.token(`admin-${id}`, ['hdab-admin'], { hdab: id, now: nodes[id]!.clock.now() });
  const lifecycle = async (id: string, permit = permitId) =>
    (
      await callNode<LifecycleView>(
        nodes[id]!,
        'GET',
        `/v1/permits/${permit}/lifecycle`,
        await admin(id),
      )
    ).body;
  const auditOf = async (id: string, permit = permitId): Promise<AuditEntry[]> =>
    (await nodes[id]!.app.get(AuditService).query({ limit: 10_000 })).filter(
      (e) => e.permitId === permit,
    );
  const submit = async () =>
    callNode<JobView>(nodes.de!, 'POST', '/v1/jobs', await alice(), {
      permitId,
      kind: 'count',
      params: { dataset: 'study' },
    });
  const job = async (id: string) =>
    (await callNode<JobView>(nodes.de!, 'GET', `/v1/jobs/${id}`, await alice())).body;

  const runRequest = async () => leadRunRequest(nodes.de!, permitId, await alice());

  /** Every refusal of this permit's use is in the node's audit log, with its code. */
  async function expectRefusalsAudited(): Promise<void> {
    const submitted = await submit();
    expect(submitted.status).toBe(403);
    expect(submitted.body.error?.code).toBe('PERMIT.EXPIRED');
    await expect(nodes.de!.app.get(JobPeers).run('fr', await runRequest(), 5000)).rejects.toThrow(
      expect.objectContaining({ code: 'PERMIT.EXPIRED' }) as Error,
    );
    const refusedAtLead = (await auditOf('de')).filter((e) => e.action === 'job.refuse');
    expect(refusedAtLead.at(-1)).toMatchObject({ outcome: 'denied', errorCode: 'PERMIT.EXPIRED' });
    const refusedAtFr = (await auditOf('fr')).filter((e) => e.action === 'job.refuse');
    expect(refusedAtFr.at(-1)).toMatchObject({ outcome: 'denied', errorCode: 'PERMIT.EXPIRED' });
  }

  it('grant and use: a job runs at every node and its result is released', async () => {
    const submitted = await submit();
    expect(submitted.status).toBe(202);
    releasedJob = submitted.body.id;
    const done = await eventually(async () => {
      const view = await job(releasedJob);
      return view.status !== 'RUNNING' ? view : undefined;
    }, 20_000);
    expect(done.status).toBe('COMPLETE');
    expect(done.result!.result!.total).toBe(150);
    for (const id of NODES) {
      const [secret] = (await db(id).query(`SELECT id FROM workspace_secret WHERE permit_id = $1`, [
        permitId,
      ])) as { id: string }[];
      secretIds[id] = secret!.id;
    }
  });

  it('before the end of its validity nothing happens, and operators see when it will', async () => {
    for (const id of NODES) expect(await tick(id)).toEqual([]);
    const view = await lifecycle('de');
    expect(view.status).toBe('ACTIVE');
    expect(view.next).toMatchObject({ event: 'ARCHIVE', due: false });
    const overview = await callNode<{ permitId: string; next: { event: string } }[]>(
      nodes.fr!,
      'GET',
      '/v1/lifecycle',
      await admin('fr'),
    );
    expect(overview.body.find((p) => p.permitId === permitId)?.next.event).toBe('ARCHIVE');
  });

  it('at the end of its validity every node archives it on its own: read-only workspace, running jobs cancelled, released results still readable', async () => {
    // A job still running at the end: FR's workspace is held, so FR's part cannot finish.
    const release = await holdWorkspace(nodes.fr!, schema);
    try {
      const submitted = await submit();
      expect(submitted.status).toBe(202);
      cancelledJob = submitted.body.id;
      await eventually(async () => {
        const view = await job(cancelledJob);
        return view.nodes.filter((n) => n.state === 'RELEASED').length === 2 ? true : undefined;
      }, 20_000);
      advance(366 * DAY);
      expect(await tick('de')).toEqual([
        { action: { kind: 'ARCHIVE', permitId, reason: 'EXPIRED' }, outcome: 'done' },
      ]);
    } finally {
      await release();
    }
    for (const id of ['fr', 'nl']) {
      // FR's run, let go just now, may hold the permit a moment longer: busy, done at a later tick.
      const outcomes = await eventually(async () => {
        const ticked = (await tick(id)).map((a) => [a.action.kind, a.outcome]);
        return ticked.some(([, outcome]) => outcome === 'busy') ? undefined : ticked;
      }, 10_000);
      expect(outcomes).toEqual([['ARCHIVE', 'done']]);
    }
    for (const id of NODES) {
      const view = await lifecycle(id);
      expect(view).toMatchObject({ status: 'ARCHIVED', archiveReason: 'EXPIRED' });
      expect(view.next).toMatchObject({ event: 'DESTROY', at: view.destroyDueAt, due: false });
      const [workspace] = (await db(id).query(`SELECT status FROM workspace WHERE permit_id = $1`, [
        permitId,
      ])) as { status: string }[];
      expect(workspace!.status).toBe('ARCHIVED');
      await expect(db(id).query(`DELETE FROM "${schema}".study WHERE grp = 'a'`)).rejects.toThrow(
        /read-only/,
      );
      expect(await tick(id)).toEqual([]);
    }
    const cancelled = await job(cancelledJob);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.result!.error).toBe('the permit was archived (expired)');
    const released = await job(releasedJob);
    expect(released).toMatchObject({ status: 'COMPLETE', result: { result: { total: 150 } } });
  });

  it('refuses and audits any use of the archived permit: a job at the lead, a run asked of a node', async () => {
    await expectRefusalsAudited();
  });

  it('six months after archival each node destroys it; a crash at the lead between the drop and the record is finished on the next tick', async () => {
    advance(184 * DAY);
    for (const id of ['fr', 'nl']) {
      expect((await tick(id)).map((a) => [a.action.kind, a.outcome])).toEqual([
        ['DESTROY', 'done'],
      ]);
    }
    // The lead drops its workspace, then fails before the record is written.
    jest
      .spyOn(nodes.de!.app.get(DestructionSigner), 'sign')
      .mockRejectedValueOnce(new Error('power cut'));
    expect((await tick('de')).map((a) => [a.action.kind, a.outcome])).toEqual([
      ['DESTROY', 'failed'],
    ]);
    expect(await schemaExists('de')).toBe(false);
    expect(
      await db('de').query(`SELECT 1 FROM workspace_secret WHERE permit_id = $1`, [permitId]),
    ).toEqual([]);
    expect((await lifecycle('de')).status).toBe('ARCHIVED');
    expect((await auditOf('de')).map((e) => e.action)).not.toContain('permit.destroyed');

    nodes.de = await federation.restart(nodes.de!);
    expect((await tick('de')).map((a) => [a.action.kind, a.outcome])).toEqual([
      ['DESTROY', 'done'],
    ]);
    expect(await tick('de')).toEqual([]);
    const view = await lifecycle('de');
    expect(view.status).toBe('DESTROYED');
    expect(view.next).toBeNull();
    const deRecord = view.records!.find((r) => r.node === 'de')!.content!;
    expect(deRecord).toMatchObject({
      workspace: { schema, tables: [{ name: 'study', rows: 60 }] },
      secret: { id: secretIds.de },
    });
  });

  it('leaves no workspace table and no secret in any node’s database; the permit, its register entry and the audit log remain', async () => {
    for (const id of NODES) {
      expect(await schemaExists(id)).toBe(false);
      expect(
        await db(id).query(`SELECT 1 FROM workspace_secret WHERE permit_id = $1`, [permitId]),
      ).toEqual([]);
      const [permit] = (await db(id).query(`SELECT status FROM permit WHERE id = $1`, [
        permitId,
      ])) as { status: string }[];
      expect(permit!.status).toBe('DESTROYED');
      const actions = (await auditOf(id)).map((e) => e.action);
      const inOrder = [
        'workspace.build',
        'permit.active',
        'permit.archived',
        'lifecycle.archive',
        'lifecycle.destroy-data',
        'permit.destroyed',
      ];
      expect(actions.filter((a) => inOrder.includes(a))).toEqual(inOrder);
    }
    const leadActions = (await auditOf('de')).map((e) => e.action);
    expect(leadActions).toEqual(
      expect.arrayContaining(['permit.grant', 'job.submit', 'job.cancel']),
    );
    const register = await callNode<{ id: string; status: string }[]>(
      nodes.nl!,
      'GET',
      '/v1/register',
      '',
    );
    expect(register.body.find((e) => e.id === permitId)?.status).toBe('DESTROYED');
    const released = await job(releasedJob);
    expect(released).toMatchObject({ status: 'COMPLETE', result: { result: { total: 150 } } });
  });

  it('the lead shows every participant’s signed record, each verifying against that node’s published key', async () => {
    const view = await lifecycle('de');
    expect(view.records!.map((r) => [r.node, r.destroyed])).toEqual(NODES.map((n) => [n, true]));
    const registry = JSON.parse(readFileSync(join(federation.dir, 'registry.json'), 'utf8')) as {
      nodes: { id: string; jwks: { keys: PublicJwk[] } }[];
    };
    for (const id of NODES) {
      const record = view.records!.find((r) => r.node === id)!.record!;
      const { kid, typ } = decodeProtectedHeader(record);
      expect(typ).toBe('spe-destruction-record+jws');
      const published = (await (
        await fetch(`${nodes[id]!.httpUrl}/.well-known/jwks.json`)
      ).json()) as {
        keys: PublicJwk[];
      };
      const registered = registry.nodes.find((m) => m.id === id)!.jwks.keys;
      const keyIds = (keys: PublicJwk[]) => keys.map((k) => [k.kid, k.x]);
      expect(keyIds(published.keys)).toEqual(keyIds(registered));
      const { payload } = await compactVerify(
        record,
        await importJWK({ ...registered.find((k) => k.kid === kid)! }, 'EdDSA'),
      );
      const content = JSON.parse(Buffer.from(payload).toString('utf8')) as Record<string, unknown>;
      expect(content).toMatchObject({
        type: 'spe.destruction-record.v1',
        permitId,
        node: id,
        workspace: {
          schema,
          tables: [{ name: 'study', rows: ROWS[id as keyof typeof ROWS].length }],
        },
        secret: { id: secretIds[id] },
        unreleasedOutputs: 0, // nothing was held in an airlock
      });
      // Another node's key does not verify it.
      const other = registry.nodes.find((m) => m.id !== id)!.jwks.keys[0]!;
      await expect(compactVerify(record, await importJWK({ ...other }, 'EdDSA'))).rejects.toThrow();
      // The node's own audit log holds the same record.
      const destroyed = (await auditOf(id)).find((e) => e.action === 'permit.destroyed')!;
      expect(destroyed.details).toMatchObject({ record });
    }
  });

  it('refuses and audits any use of the destroyed permit', async () => {
    await expectRefusalsAudited();
  });

  describe('closure, revocation, and two replicas of each node', () => {
    let closed: string;
    let revoked: string;
    let expiring: string;
    const count = async (id: string, permit: string, action: string) =>
      (await auditOf(id, permit)).filter((e) => e.action === action).length;

    beforeAll(async () => {
      // Tokens of new grants are minted at the real time: the clocks go back to it.
      NODES.forEach((id) => nodes[id]!.clock.reset());
      closed = await grant();
      revoked = await grant();
      expiring = await grant();
    }, 120_000);

    it('the lead closes a permit: every participant archives it, one not reached is told at a later tick', async () => {
      const refused = await callNode(
        nodes.fr!,
        'POST',
        `/v1/permits/${closed}/close`,
        await admin('fr'),
        {
          reason: 'The study ended early.',
        },
      );
      expect(refused.body.error?.code).toBe('REQUEST.FORBIDDEN');

      jest
        .spyOn(nodes.de!.app.get(LifecyclePeers), 'close')
        .mockRejectedValueOnce(new DomainError('PEER.UNAVAILABLE', 'fr: unreachable'));
      const done = await callNode<LifecycleView>(
        nodes.de!,
        'POST',
        `/v1/permits/${closed}/close`,
        await admin('de'),
        {
          reason: 'The study ended early.',
        },
      );
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'ARCHIVED',
        archiveReason: 'CLOSED',
        notYetTold: ['fr'],
      });
      expect((await lifecycle('de', closed)).next).toMatchObject({
        event: 'TELL_ARCHIVED',
        due: true,
      });
      expect(await lifecycle('nl', closed)).toMatchObject({
        status: 'ARCHIVED',
        archiveReason: 'CLOSED',
      });
      expect((await lifecycle('fr', closed)).status).toBe('ACTIVE');

      const ticked = (await tick('de')).filter((a) => a.action.permitId === closed);
      expect(ticked).toEqual([
        { action: { kind: 'TELL_ARCHIVED', permitId: closed, nodes: ['fr'] }, outcome: 'done' },
      ]);
      expect(await lifecycle('fr', closed)).toMatchObject({
        status: 'ARCHIVED',
        archiveReason: 'CLOSED',
      });
      expect((await lifecycle('de', closed)).next).toMatchObject({ event: 'DESTROY', due: false });
      const again = await callNode(
        nodes.de!,
        'POST',
        `/v1/permits/${closed}/close`,
        await admin('de'),
        {
          reason: 'Once more.',
        },
      );
      expect(again.body.error?.code).toBe('PERMIT.ILLEGAL_TRANSITION');
    });

    it('a revocation by any participant archives the permit at every node at once, workspace and all', async () => {
      const done = await callNode(
        nodes.nl!,
        'POST',
        `/v1/permits/${revoked}/revoke`,
        await admin('nl'),
        {
          reason: 'The applicant breached the permit.',
        },
      );
      expect(done.body).toMatchObject({ status: 'ARCHIVED', notYetTold: [] });
      for (const id of NODES) {
        const view = await eventually(async () => {
          const v = await lifecycle(id, revoked);
          return v.archiveReason ? v : undefined;
        });
        expect(view).toMatchObject({ status: 'ARCHIVED', archiveReason: 'REVOKED' });
        expect((await tick(id)).filter((a) => a.action.permitId === revoked)).toEqual([]);
        const [workspace] = (await db(id).query(
          `SELECT status FROM workspace WHERE permit_id = $1`,
          [revoked],
        )) as { status: string }[];
        expect(workspace!.status).toBe('ARCHIVED');
      }
    });

    it('two replicas ticking at once archive and destroy each permit once, with one record each', async () => {
      const applied: Record<string, Awaited<ReturnType<typeof tick>>> = {};
      const twice = async (id: string) => {
        const [a, b] = await Promise.all([tick(id), tick(id)]);
        applied[id] = [...(applied[id] ?? []), ...a, ...b];
      };
      // A year on, the third permit expires; six months after the closure and the revocation, the
      // first two are destroyed; six months later the third.
      advance(366 * DAY);
      for (const id of NODES) await twice(id);
      for (const id of NODES) {
        expect((await lifecycle(id, expiring)).archiveReason).toBe('EXPIRED');
        expect(await count(id, expiring, 'permit.archived')).toBe(1);
        expect(await count(id, expiring, 'lifecycle.archive')).toBe(1);
      }
      advance(184 * DAY);
      for (const id of NODES) await twice(id);
      for (const id of NODES) {
        expect(applied[id]!.filter((a) => a.outcome === 'failed')).toEqual([]);
        for (const permit of [closed, revoked, expiring]) {
          // Both replicas may plan an action; one applies each step, the other finds it locked or done.
          const archived = applied[id]!.filter(
            (a) =>
              a.action.kind === 'ARCHIVE' && a.action.permitId === permit && a.outcome === 'done',
          );
          expect(archived).toHaveLength(permit === expiring ? 1 : 0);
          expect(await count(id, permit, 'lifecycle.destroy-data')).toBe(1);
          expect(await count(id, permit, 'permit.destroyed')).toBe(1);
        }
      }
      for (const permit of [closed, revoked, expiring]) {
        const view = await lifecycle('de', permit);
        expect(view.status).toBe('DESTROYED');
        expect(view.records!.map((r) => [r.node, r.destroyed])).toEqual(
          NODES.map((n) => [n, true]),
        );
      }
    });
  });

  describe('extension of the validity, approved by every participant, before archival only', () => {
    let extended: string;
    let oldEnd: string;
    let newEnd: string;
    const reviewer = (id: string) =>
      federation.token(`reviewer-${id}`, ['hdab-reviewer'], {
        hdab: id,
        now: nodes[id]!.clock.now(),
      });
    const ask = async (months: number) =>
      callNode<{ status: string; validUntil: string; error?: unknown }>(
        nodes.de!,
        'POST',
        `/v1/permits/${extended}/extension`,
        await alice(),
        { months, reason: 'The cohort needs six more months of follow-up.' },
      );
    const decide = async (id: string, outcome: 'APPROVED' | 'REJECTED') =>
      callNode<{ status: string }>(
        nodes[id]!,
        'POST',
        `/v1/permits/${extended}/extension/decision`,
        await reviewer(id),
        { outcome, reason: 'Justified by the study plan.' },
      );

    beforeAll(async () => {
      NODES.forEach((id) => nodes[id]!.clock.reset());
      extended = await grant();
      oldEnd = (await lifecycle('de', extended)).validUntil!;
    }, 120_000);

    it('moves the end at every node once every HDAB approved, with a permit signed again by all', async () => {
      expect((await decide('fr', 'APPROVED')).body.error?.code).toBe('DECISION.NOT_PENDING');
      const asked = await ask(6);
      expect(asked.status).toBe(202);
      expect(asked.body).toMatchObject({ status: 'PENDING' });
      newEnd = asked.body.validUntil;
      expect(new Date(newEnd).getUTCMonth()).toBe((new Date(oldEnd).getUTCMonth() + 6) % 12);
      expect((await ask(6)).body.error?.code).toBe('PERMIT.STALE');
      for (const id of NODES) {
        await eventually(async () =>
          (await decide(id, 'APPROVED')).status === 200 ? true : undefined,
        );
      }
      for (const id of NODES) {
        const view = await eventually(async () => {
          const v = await lifecycle(id, extended);
          return v.validUntil === newEnd ? v : undefined;
        });
        expect(view).toMatchObject({ status: 'ACTIVE', next: { event: 'ARCHIVE', at: newEnd } });
        const permit = await callNode<{ permit: GeneralJws; validUntil: string }>(
          nodes[id]!,
          'GET',
          `/v1/applications/${extended}`,
          await admin(id),
        );
        expect(permit.body.permit.signatures).toHaveLength(3);
        const payload = JSON.parse(
          Buffer.from(permit.body.permit.payload, 'base64url').toString(),
        ) as {
          validUntil: string;
          permitId: string;
        };
        expect(payload).toMatchObject({ permitId: extended, validUntil: newEnd });
        expect((await auditOf(id, extended)).map((e) => e.action)).toContain('permit.extend');
      }
    });

    it('keeps the permit in use past its old end, and archives it at the new one; a pending extension then lapses', async () => {
      advance(new Date(oldEnd).getTime() - nodes.de!.clock.now().getTime() + DAY);
      for (const id of NODES) {
        expect((await tick(id)).filter((a) => a.action.permitId === extended)).toEqual([]);
      }
      const submitted = await callNode<JobView>(nodes.de!, 'POST', '/v1/jobs', await alice(), {
        permitId: extended,
        kind: 'count',
        params: { dataset: 'study' },
      });
      expect(submitted.status).toBe(202);
      const done = await eventually(async () => {
        const view = await job(submitted.body.id);
        return view.status !== 'RUNNING' ? view : undefined;
      }, 20_000);
      expect(done.status).toBe('COMPLETE');

      expect((await ask(120)).body.error?.code).toBe('REQUEST.INVALID');
      expect((await ask(1)).status).toBe(202);
      advance(new Date(newEnd).getTime() - nodes.de!.clock.now().getTime() + DAY);
      for (const id of NODES) {
        expect(
          (await tick(id))
            .filter((a) => a.action.permitId === extended && a.action.kind === 'ARCHIVE')
            .map((a) => a.outcome),
        ).toEqual(['done']);
      }
      const view = await lifecycle('de', extended);
      expect(view).toMatchObject({ status: 'ARCHIVED', extension: { status: 'LAPSED' } });
      expect((await decide('fr', 'APPROVED')).body.error?.code).toBe('DECISION.NOT_PENDING');
      expect((await ask(1)).body.error?.code).toBe('PERMIT.EXPIRED');
    });
  });

  async function schemaExists(id: string): Promise<boolean> {
    const rows = (await db(id).query(
      `SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`,
      [schema],
    )) as unknown[];
    return rows.length > 0;
  }
});

/**
 * Holds a node's workspace table in a transaction with an exclusive lock, so
 * the node's analysis of it waits. Returns the release.
 */
async function holdWorkspace(node: TestNode, schema: string): Promise<() => Promise<void>> {
  let locked!: () => void;
  let release!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const holding = node.app.get(DataSource).transaction(async (manager) => {
    await manager.query(`LOCK TABLE "${schema}".study IN ACCESS EXCLUSIVE MODE`);
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await holding;
  };
}
