import { DomainError } from '../../../shared/errors';
import { FederationMember, FederationRegistry } from './federation-member';
import { identifyPeer } from './peer-identity.rules';
import { nodeIdOfSpiffeId, spiffeIdOf, urisOfSubjectAltName } from './spiffe-id';

const member = (id: string): FederationMember => ({
  id,
  country: id.toUpperCase(),
  grpcAddress: `127.0.0.1:1`,
  httpUrl: 'http://127.0.0.1:2',
  caPem: `ca-of-${id}`,
  jwks: { keys: [] },
});

const registry: FederationRegistry = {
  trustDomain: 'ehds.example',
  members: [member('de'), member('fr')],
};

const issuedBy = (caPem: string) => (candidate: string) => candidate === caPem;

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('identifyPeer', () => {
  it('maps a certificate naming a registered node, issued by its CA, to that node', () => {
    const peer = identifyPeer(registry, {
      uris: [spiffeIdOf('ehds.example', 'fr')],
      isIssuedBy: issuedBy('ca-of-fr'),
    });
    expect(peer.id).toBe('fr');
  });

  it('refuses a caller without a verified certificate as unauthenticated', () => {
    expect(refusal(() => identifyPeer(registry, undefined)).code).toBe('PEER.UNAUTHENTICATED');
  });

  it('refuses a node missing from the registry', () => {
    const error = refusal(() =>
      identifyPeer(registry, {
        uris: [spiffeIdOf('ehds.example', 'xx')],
        isIssuedBy: () => true,
      }),
    );
    expect(error.code).toBe('PEER.UNREGISTERED');
    expect(error.message).toContain('xx');
  });

  it("refuses a node certified by another member's CA", () => {
    const error = refusal(() =>
      identifyPeer(registry, {
        uris: [spiffeIdOf('ehds.example', 'fr')],
        isIssuedBy: issuedBy('ca-of-de'),
      }),
    );
    expect(error.code).toBe('PEER.UNREGISTERED');
  });

  it('refuses ids of another trust domain and certificates naming two nodes', () => {
    for (const uris of [
      [spiffeIdOf('other.example', 'de')],
      [spiffeIdOf('ehds.example', 'de'), spiffeIdOf('ehds.example', 'fr')],
      [],
    ]) {
      expect(refusal(() => identifyPeer(registry, { uris, isIssuedBy: () => true })).code).toBe(
        'PEER.UNREGISTERED',
      );
    }
  });
});

describe('SPIFFE ids', () => {
  it('round-trips a node id and rejects look-alikes', () => {
    expect(nodeIdOfSpiffeId('ehds.example', spiffeIdOf('ehds.example', 'nl'))).toBe('nl');
    expect(nodeIdOfSpiffeId('ehds.example', 'spiffe://ehds.example/hdab/nl/extra')).toBeUndefined();
    expect(nodeIdOfSpiffeId('ehds.example', 'spiffe://ehds.example.evil/hdab/nl')).toBeUndefined();
  });

  it('reads URIs from a subjectAltName string', () => {
    expect(
      urisOfSubjectAltName(
        'DNS:localhost, IP Address:127.0.0.1, URI:spiffe://ehds.example/hdab/de',
      ),
    ).toEqual(['spiffe://ehds.example/hdab/de']);
    expect(urisOfSubjectAltName(undefined)).toEqual([]);
  });
});
