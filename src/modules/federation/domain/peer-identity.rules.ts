import { DomainError } from '../../../shared/errors';
import { FederationMember, FederationRegistry } from './federation-member';
import { nodeIdOfSpiffeId } from './spiffe-id';

/** What the transport learnt of a caller's certificate. */
export interface PresentedCertificate {
  readonly uris: readonly string[];
  /** Whether the certificate was issued by the CA given (signature checked). */
  readonly isIssuedBy: (caPem: string) => boolean;
}

/**
 * Maps a caller's certificate to a member of the registry. TLS has already
 * verified the chain against the federation's trust bundle; this also
 * requires that the node id was certified by that node's own CA, so one
 * HDAB's CA cannot speak for another HDAB's node.
 */
export function identifyPeer(
  registry: FederationRegistry,
  certificate: PresentedCertificate | undefined,
): FederationMember {
  if (!certificate) {
    throw new DomainError('PEER.UNAUTHENTICATED', 'No verified client certificate was presented');
  }
  const ids = certificate.uris
    .map((uri) => nodeIdOfSpiffeId(registry.trustDomain, uri))
    .filter((id): id is string => id !== undefined);
  if (ids.length !== 1) {
    throw new DomainError(
      'PEER.UNREGISTERED',
      `The client certificate must name exactly one node of trust domain ${registry.trustDomain}`,
      { uris: certificate.uris },
    );
  }
  const member = registry.members.find((m) => m.id === ids[0]);
  if (!member) {
    throw new DomainError('PEER.UNREGISTERED', `Node ${ids[0]} is not in the federation registry`, {
      nodeId: ids[0],
    });
  }
  if (!certificate.isIssuedBy(member.caPem)) {
    throw new DomainError(
      'PEER.UNREGISTERED',
      `The certificate for node ${member.id} was not issued by that node's registered CA`,
      { nodeId: member.id },
    );
  }
  return member;
}
