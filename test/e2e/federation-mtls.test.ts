import { createServer, Server, Socket } from 'node:net';
import { Metadata, status } from '@grpc/grpc-js';
import { AuditService } from '../../src/modules/audit/application/audit.service';
import { AuditEntry } from '../../src/modules/audit/domain/audit-entry';
import {
  createCertificateAuthority,
  issueNodeCertificate,
} from '../../src/modules/federation/infrastructure/dev-federation';
import { FederationDirectory } from '../../src/modules/federation/application/federation-directory';
import { FederationMaterial } from '../../src/modules/federation/infrastructure/federation-material';
import { GrpcPeerClient } from '../../src/modules/federation/infrastructure/grpc-peer-client';
import { PeerChannels } from '../../src/modules/federation/infrastructure/peer-channels';
import { MetricsService } from '../../src/observability/metrics.service';
import { eventually } from '../support/eventually';
import { getNodeInfo, peerServiceClient, refusalOf } from '../support/grpc-test-client';
import { TestFederation, TestNode } from '../support/test-federation';

const GET_NODE_INFO = '/spe.v1.PeerService/GetNodeInfo';

describe('nodes of a federation over mutual TLS', () => {
  let federation: TestFederation;
  let de: TestNode;
  let fr: TestNode;
  let silentPeer: Server;
  const silentSockets: Socket[] = [];

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR', 'NL', 'SE']);
    // NL is registered but not running; SE accepts connections and never answers.
    const se = federation.material.nodes.find((n) => n.spec.id === 'se')!;
    silentPeer = createServer((socket) => silentSockets.push(socket));
    await new Promise<void>((r) =>
      silentPeer.listen(Number(se.spec.grpcAddress.split(':')[1]), '127.0.0.1', r),
    );
    [de, fr] = await Promise.all([
      federation.start('de', { PEER_DEADLINE_MS: '800' }),
      federation.start('fr', { PEER_DEADLINE_MS: '800' }),
    ]);
  });

  afterAll(async () => {
    silentSockets.forEach((s) => s.destroy());
    await new Promise((r) => silentPeer?.close(r));
    await federation?.stop();
  });

  const material = (id: string) => federation.material.nodes.find((n) => n.spec.id === id)!;
  const auditOf = (node: TestNode) => node.app.get(AuditService);
  const audited = (node: TestNode, match: (e: AuditEntry) => boolean) =>
    eventually(async () => (await auditOf(node).query({ limit: 10_000 })).find(match));

  it('two nodes exchange identity over mTLS, and the callee audits the caller', async () => {
    const client = peerServiceClient(fr.grpcAddress, {
      caPem: material('fr').ca.certPem,
      certPem: material('de').certPem,
      keyPem: material('de').keyPem,
    });
    const info = await getNodeInfo(client);
    client.close();

    expect(info).toMatchObject({ nodeId: 'fr', country: 'FR' });
    expect(info.signingKeys.map((k) => k.kid)).toEqual(
      federation.material.registry.nodes.find((n) => n.id === 'fr')!.jwks.keys.map((k) => k.kid),
    );
    const entry = await audited(
      fr,
      (e) => e.action === GET_NODE_INFO && e.actor.kind === 'peer' && e.actor.id === 'de',
    );
    expect(entry).toMatchObject({ channel: 'grpc', outcome: 'success' });
  });

  it("reports each peer: reachable, stopped (UNAVAILABLE), silent (past the call's deadline)", async () => {
    const res = await fetch(`${de.httpUrl}/v1/federation/peers`, {
      headers: {
        'x-request-id': 'req-peers-0001',
        authorization: `Bearer ${await federation.token('operator', ['hdab-admin'], { hdab: 'de' })}`,
      },
    });
    const body = (await res.json()) as {
      self: string;
      peers: { id: string; reachable: boolean; error?: { code: string } }[];
    };

    expect(res.status).toBe(200);
    expect(body.self).toBe('de');
    const byId = Object.fromEntries(body.peers.map((p) => [p.id, p]));
    expect(byId.fr).toMatchObject({ reachable: true });
    expect(byId.nl).toMatchObject({ reachable: false, error: { code: 'PEER.UNAVAILABLE' } });
    expect(byId.se).toMatchObject({ reachable: false, error: { code: 'PEER.DEADLINE_EXCEEDED' } });
    // The request id travels with the call to the peer.
    await audited(fr, (e) => e.action === GET_NODE_INFO && e.requestId === 'req-peers-0001');
  });

  it('refuses a client without a certificate in the TLS handshake, and audits the refusal', async () => {
    const client = peerServiceClient(fr.grpcAddress, { caPem: material('fr').ca.certPem });
    const error = await refusalOf(getNodeInfo(client));
    client.close();

    expect(error.code).toBe(status.UNAVAILABLE);
    const entry = await audited(
      fr,
      (e) =>
        e.channel === 'tls' && e.details?.reason === 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE',
    );
    expect(entry).toMatchObject({
      actor: { kind: 'anonymous' },
      action: 'grpc.tls.handshake',
      outcome: 'denied',
      errorCode: 'PEER.UNAUTHENTICATED',
      details: { remoteAddress: '127.0.0.1' },
    });
  });

  it('refuses a certificate from a CA outside the federation, and audits it', async () => {
    const rogueCa = await createCertificateAuthority('Rogue CA', new Date(), 1);
    const rogue = await issueNodeCertificate(rogueCa, 'ehds.example', 'de', new Date(), 1);
    const refusalsBefore = (await auditOf(fr).query({ channel: 'tls' })).length;
    const client = peerServiceClient(fr.grpcAddress, {
      caPem: material('fr').ca.certPem,
      ...rogue,
    });
    const error = await refusalOf(getNodeInfo(client));
    client.close();

    expect(error.code).toBe(status.UNAVAILABLE);
    const refusals = await eventually(async () => {
      const entries = await auditOf(fr).query({ channel: 'tls' });
      return entries.length > refusalsBefore ? entries.slice(refusalsBefore) : undefined;
    });
    expect(refusals).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        action: 'grpc.tls.handshake',
        errorCode: 'PEER.UNAUTHENTICATED',
      }),
    ]);
  });

  it('refuses a trusted certificate of a node missing from the registry with PERMISSION_DENIED', async () => {
    const outsider = await issueNodeCertificate(
      material('de').ca,
      'ehds.example',
      'xx',
      new Date(),
      1,
    );
    const client = peerServiceClient(fr.grpcAddress, {
      caPem: material('fr').ca.certPem,
      ...outsider,
    });
    const error = await refusalOf(getNodeInfo(client));
    client.close();

    expect(error.code).toBe(status.PERMISSION_DENIED);
    expect(error.metadata.get('x-error-code')).toEqual(['PEER.UNREGISTERED']);
    const entry = await audited(fr, (e) => e.channel === 'grpc' && e.outcome === 'denied');
    expect(entry).toMatchObject({
      actor: { kind: 'anonymous' },
      action: GET_NODE_INFO,
      errorCode: 'PEER.UNREGISTERED',
    });
  });

  it("refuses a node certified by another HDAB's CA (DE's CA speaking for NL)", async () => {
    const impostor = await issueNodeCertificate(
      material('de').ca,
      'ehds.example',
      'nl',
      new Date(),
      1,
    );
    const client = peerServiceClient(fr.grpcAddress, {
      caPem: material('fr').ca.certPem,
      ...impostor,
    });
    const error = await refusalOf(getNodeInfo(client));
    client.close();

    expect(error.code).toBe(status.PERMISSION_DENIED);
    expect(error.details).toContain("not issued by that node's registered CA");
  });

  it('will not talk to a server that is not the node the registry names at that address', async () => {
    // DE's registry says FR is at DE's own address, with DE's CA: TLS succeeds, the SPIFFE id does not.
    const registry = de.app.get(FederationDirectory).registry;
    const forged = {
      ...registry,
      members: registry.members.map((m) =>
        m.id === 'fr' ? { ...m, grpcAddress: de.grpcAddress, caPem: material('de').ca.certPem } : m,
      ),
    };
    const directory = new (class extends FederationDirectory {
      readonly registry = forged;
      readonly self = registry.members[0]!;
      readonly signingKeys = { keys: [] };
    })();
    const channels = new PeerChannels(
      directory,
      de.app.get(FederationMaterial),
      { ...de.config.grpc, peerDeadlineMs: 2000 },
      de.app.get(MetricsService),
    );
    await expect(new GrpcPeerClient(channels).getNodeInfo('fr')).rejects.toMatchObject({
      code: 'PEER.UNAVAILABLE',
    });
    channels.onApplicationShutdown();
  });

  it('answers CheckHealth to a peer with the state of its database', async () => {
    const client = peerServiceClient(de.grpcAddress, {
      caPem: material('de').ca.certPem,
      certPem: material('fr').certPem,
      keyPem: material('fr').keyPem,
    });
    const health = await new Promise((resolve, reject) =>
      client.checkHealth({}, new Metadata(), { deadline: Date.now() + 5000 }, (e, r) =>
        e ? reject(e) : resolve(r),
      ),
    );
    client.close();
    expect(health).toEqual({ status: 'SERVING_STATUS_SERVING', databaseUp: true });
  });

  it('serves health, metrics, OpenAPI and the signing keys over HTTP', async () => {
    const health = await fetch(`${de.httpUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', node: 'de', checks: { database: 'up' } });

    const metrics = await (await fetch(`${de.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(
      /spe_peer_calls_total\{peer="fr",method="GetNodeInfo",code="OK"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /spe_http_requests_total\{method="GET",route="\/health",status="200"\}/,
    );

    const openApi = (await (await fetch(`${de.httpUrl}/docs-json`)).json()) as { paths: object };
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/v1/node',
        '/v1/federation/peers',
        '/.well-known/jwks.json',
      ]),
    );
    expect((await fetch(`${de.httpUrl}/docs`)).headers.get('content-type')).toContain('text/html');

    const jwks = await (await fetch(`${de.httpUrl}/.well-known/jwks.json`)).json();
    expect(jwks).toEqual(federation.material.registry.nodes.find((n) => n.id === 'de')!.jwks);
  });

  it('answers an unknown route with a coded error and audits it', async () => {
    const res = await fetch(`${de.httpUrl}/v1/no-such-thing`, {
      headers: { 'x-request-id': 'req-404-0001' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('req-404-0001');
    expect(await res.json()).toMatchObject({
      error: { code: 'REQUEST.NOT_FOUND', requestId: 'req-404-0001' },
    });
    const entry = await audited(de, (e) => e.requestId === 'req-404-0001');
    expect(entry).toMatchObject({
      channel: 'http',
      outcome: 'invalid',
      errorCode: 'REQUEST.NOT_FOUND',
    });
  });
});
