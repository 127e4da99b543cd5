import { DomainError } from '../../../shared/errors';
import {
  FederationMember,
  FederationRegistry,
  JwkSet,
  NodeInfo,
  PublicJwk,
} from '../domain/federation-member';
import { FederationDirectory } from './federation-directory';
import { FederationService } from './federation.service';
import { PeerClient } from './peer-client.port';

const key = (kid: string): PublicJwk => ({
  kty: 'OKP',
  crv: 'Ed25519',
  x: kid.padEnd(43, 'A'),
  kid,
  alg: 'EdDSA',
  use: 'sig',
});

const member = (id: string): FederationMember => ({
  id,
  country: id.toUpperCase(),
  grpcAddress: `${id}:50051`,
  httpUrl: `http://${id}:3000`,
  caPem: 'ca',
  jwks: { keys: [key(`${id}-key`)] },
});

class StaticDirectory extends FederationDirectory {
  readonly registry: FederationRegistry = {
    trustDomain: 'ehds.example',
    members: ['de', 'fr', 'nl', 'se'].map(member),
  };
  readonly self = member('de');
  readonly signingKeys: JwkSet = { keys: [key('de-key')] };
}

class ScriptedPeers extends PeerClient {
  constructor(private readonly answers: Record<string, () => Promise<NodeInfo>>) {
    super();
  }
  getNodeInfo(peerId: string) {
    return this.answers[peerId]!();
  }
}

const infoOf = (id: string, overrides: Partial<NodeInfo> = {}): NodeInfo => ({
  nodeId: id,
  country: id.toUpperCase(),
  version: '0.1.0',
  signingKeys: { keys: [key(`${id}-key`)] },
  ...overrides,
});

describe('FederationService.peerStatuses', () => {
  it('reports every peer but itself: reachable, failing, or not who the registry says', async () => {
    const service = new FederationService(
      new StaticDirectory(),
      new ScriptedPeers({
        fr: async () => infoOf('fr'),
        nl: async () => {
          throw new DomainError('PEER.UNAVAILABLE', 'nl: connection refused');
        },
        se: async () => infoOf('se', { signingKeys: { keys: [key('other-key')] } }),
      }),
    );

    const statuses = await service.peerStatuses();

    expect(statuses.map((s) => s.id)).toEqual(['fr', 'nl', 'se']);
    expect(statuses[0]).toMatchObject({ reachable: true, version: '0.1.0' });
    expect(statuses[1]).toMatchObject({
      reachable: false,
      error: { code: 'PEER.UNAVAILABLE', message: 'nl: connection refused' },
    });
    expect(statuses[2]).toMatchObject({
      reachable: false,
      error: {
        code: 'PEER.IDENTITY_MISMATCH',
        message: 'publishes signing keys that differ from the registry',
      },
    });
  });

  it('says who this node is', () => {
    const service = new FederationService(new StaticDirectory(), new ScriptedPeers({}));
    expect(service.nodeInfo()).toMatchObject({
      nodeId: 'de',
      country: 'DE',
      signingKeys: { keys: [key('de-key')] },
    });
  });
});
