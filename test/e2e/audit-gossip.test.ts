import { createPublicKey, JsonWebKey, verify } from 'node:crypto';
import { HeadGossipService } from '../../src/modules/audit/application/head-gossip.service';
import { AuditTreeService } from '../../src/modules/audit/application/audit-tree.service';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { asDatabaseOwner, FORGET_THE_TREE } from '../support/audit-tampering';
import { eventually } from '../support/eventually';
import { callNode } from '../support/granted-permit';
import { TestFederation, TestNode } from '../support/test-federation';

interface HeldHead {
  treeSize: number;
  rootHash: string;
  jws: string;
  consistent: boolean;
}
interface Alert {
  node: string;
  kind: string;
  held: HeldHead;
  offending: HeldHead;
}

describe('nodes watching each other’s audit trees', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};
  let auditor: string;

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR', 'NL']);
    nodes.de = await federation.start('de');
    // FR fetches on its schedule; NL is asked to in the tests.
    nodes.fr = await federation.start('fr', { AUDIT_GOSSIP_INTERVAL_MS: '200' });
    nodes.nl = await federation.start('nl');
    auditor = await federation.token('audra', ['auditor']);
  }, 180_000);

  afterAll(() => federation?.stop());

  const gossip = (node: string) => nodes[node]!.app.get(HeadGossipService);
  const heldAt = async (node: string, peer: string) =>
    (
      await callNode<{ heads: HeldHead[] }>(
        nodes[node]!,
        'GET',
        `/v1/audit/peers/${peer}/heads`,
        auditor,
      )
    ).body.heads;
  const alertsAt = async (node: string) =>
    (await callNode<{ alerts: Alert[] }>(nodes[node]!, 'GET', '/v1/audit/alerts', auditor)).body
      .alerts;
  const signAtDe = () => nodes.de!.app.get(AuditTreeService).signHead();

  it('fetch and keep each other’s signed heads on a schedule, over mutual TLS', async () => {
    const held = await eventually(async () => {
      const heads = await heldAt('fr', 'de');
      return heads.length > 0 ? heads : undefined;
    });
    expect(held[0]!.consistent).toBe(true);
    const jwks = (await (await fetch(`${nodes.de!.httpUrl}/.well-known/jwks.json`)).json()) as {
      keys: JsonWebKey[];
    };
    const [header, payload, signature] = held[0]!.jws.split('.') as [string, string, string];
    expect(
      verify(
        null,
        Buffer.from(`${header}.${payload}`),
        createPublicKey({ key: jwks.keys[0]!, format: 'jwk' }),
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(true);
    const calls = await nodes.de!.app.get(AuditService).query({ actorKind: 'peer', actorId: 'fr' });
    expect(calls.map((e) => e.action)).toContain('/spe.v1.AuditService/GetSignedTreeHead');
  });

  it('hold a new head only with the proof that it extends the one held', async () => {
    expect(await gossip('nl').check('de')).toBe('held');
    // NL's call is in DE's log before NL has the answer: DE's next head is larger.
    const grown = await signAtDe();
    expect(await gossip('nl').check('de')).toBe('extended');
    expect(await gossip('nl').check('de')).toBe('same');
    const held = await heldAt('nl', 'de');
    expect(held.at(-1)).toMatchObject({ treeSize: grown.treeSize, consistent: true });
    expect(await alertsAt('nl')).toEqual([]);
  });

  it('report, at every peer that notices, a node that rewrote its history', async () => {
    await gossip('fr').check('de');
    const heldByFr = (await heldAt('fr', 'de')).at(-1)!;
    const heldByNl = (await heldAt('nl', 'de')).at(-1)!;

    // DE's operator changes an old entry, rebuilds the tree over it and signs with DE's key.
    await asDatabaseOwner(nodes.de!, [
      `UPDATE audit_log SET action = 'nothing happened' WHERE seq = (SELECT min(seq) FROM audit_log)`,
      ...FORGET_THE_TREE,
    ]);
    const rewritten = await signAtDe();
    expect(rewritten.treeSize).toBeGreaterThanOrEqual(heldByFr.treeSize);

    for (const [node, held] of [
      ['fr', heldByFr],
      ['nl', heldByNl],
    ] as const) {
      // FR may have noticed on its own schedule already.
      expect(['inconsistent', 'known']).toContain(await gossip(node).check('de'));
      const alerts = await alertsAt(node);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        node: 'de',
        kind: 'inconsistent',
        held: { treeSize: held.treeSize, rootHash: held.rootHash, consistent: true },
        offending: { consistent: false },
      });
      expect(alerts[0]!.offending.treeSize).toBeGreaterThanOrEqual(rewritten.treeSize);
      const audited = await nodes[node]!.app.get(AuditService).query({
        action: 'audit.peer-inconsistent',
      });
      expect(audited.map((e) => e.details)).toEqual([
        expect.objectContaining({ node: 'de', kind: 'inconsistent', heldTreeSize: held.treeSize }),
      ]);
      const overview = await callNode<{ alerts: number }>(
        nodes[node]!,
        'GET',
        '/v1/audit',
        auditor,
      );
      expect(overview.body.alerts).toBe(1);
    }
    // Asking again raises nothing new.
    expect(await gossip('nl').check('de')).toBe('known');
    expect(await alertsAt('nl')).toHaveLength(1);
    const metrics = await (await fetch(`${nodes.nl!.httpUrl}/metrics`)).text();
    expect(metrics).toContain('spe_audit_alerts_total{node="de",kind="inconsistent"} 1');
  });

  it('refuses a peer unknown to the registry', async () => {
    const unknown = await callNode(nodes.fr!, 'GET', '/v1/audit/peers/xx/heads', auditor);
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'PEER.UNKNOWN']);
  });
});
