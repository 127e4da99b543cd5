import { DataSource } from 'typeorm';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { eventually } from '../support/eventually';
import { callNode, grantedPermit } from '../support/granted-permit';
import { loadStudy, studyRows } from '../support/study-data';
import { TestFederation, TestNode } from '../support/test-federation';

interface Preparation {
  status: string;
  workspace?: { status: string; attempts: number; lastError?: string; nextAttemptAt?: string };
  participants?: { node: string; ready: boolean }[];
}

describe('preparation when a workspace cannot be built', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};
  let permitId: string;

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR']);
    for (const id of ['de', 'fr']) {
      nodes[id] = await federation.start(id, { SWEEP_INTERVAL_MS: '200' });
      await loadStudy(nodes[id]!, studyRows(id === 'de' ? 1 : 2, 60));
    }
    // FR's dataset table loses a column its catalogue still publishes: FR's build must fail.
    await nodes.fr!.app.get(DataSource).query(`ALTER TABLE datasets.study DROP COLUMN value`);
    permitId = await grantedPermit(federation, nodes, {
      lead: 'de',
      datasets: ['de', 'fr'].map((node) => ({
        node,
        dataset: 'study',
        variables: ['grp', 'value'],
      })),
      analysisKinds: ['count'],
      waitFor: 'PREPARING',
    });
  }, 60_000);

  afterAll(() => federation?.stop());

  const preparation = async (node: string) =>
    (
      await callNode<Preparation>(
        nodes[node]!,
        'GET',
        `/v1/permits/${permitId}/preparation`,
        await federation.token('alice', ['researcher'], { now: nodes[node]!.clock.now() }),
      )
    ).body;

  it('reports the failure at the node, leaves nothing half-built, and keeps the permit out of use', async () => {
    const failed = await eventually(async () => {
      const p = await preparation('fr');
      return p.workspace?.status === 'FAILED' ? p : undefined;
    });
    expect(failed.workspace!.lastError).toBe('the database refused the build (SQLSTATE 42703)');
    expect(new Date(failed.workspace!.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now());

    const db = nodes.fr!.app.get(DataSource);
    const schema = `ws_${permitId.replace(/-/g, '')}`;
    expect(
      await db.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [schema]),
    ).toEqual([]);
    expect(
      await db.query(`SELECT 1 FROM workspace_secret WHERE permit_id = $1`, [permitId]),
    ).toEqual([]);
    const atLead = await preparation('de');
    expect(atLead).toMatchObject({
      status: 'PREPARING',
      participants: [
        { node: 'de', ready: true },
        { node: 'fr', ready: false },
      ],
    });
    const job = await callNode(
      nodes.de!,
      'POST',
      '/v1/jobs',
      await federation.token('alice', ['researcher']),
      { permitId, kind: 'count', params: { dataset: 'study' } },
    );
    expect(job.body.error?.code).toBe('PERMIT.NOT_ACTIVE');
  });

  it('is tried again once repaired, and the permit enters its use stage at every node', async () => {
    await loadStudy(nodes.fr!, studyRows(2, 60));
    // The retry waits for its back-off; the node's clock gets there at once.
    nodes.fr!.clock.advance(60 * 60_000);
    for (const node of ['de', 'fr']) {
      await eventually(async () =>
        (await preparation(node)).status === 'ACTIVE' ? true : undefined,
      );
    }
    expect((await preparation('fr')).workspace).toMatchObject({ status: 'READY' });
    const builds = await nodes.fr!.app.get(AuditService).query({ action: 'workspace.build' });
    expect(builds.filter((e) => e.permitId === permitId).map((e) => e.outcome)).toContain('error');
    expect(builds.filter((e) => e.permitId === permitId).map((e) => e.outcome)).toContain(
      'success',
    );
  });
});
