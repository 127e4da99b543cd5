import { NodeInfo } from '../domain/federation-member';

/**
 * Calls to other nodes' PeerService. Every call has a deadline; failures
 * surface as DomainErrors (PEER.UNAVAILABLE, PEER.DEADLINE_EXCEEDED, or the
 * peer's own code).
 */
export abstract class PeerClient {
  abstract getNodeInfo(peerId: string): Promise<NodeInfo>;
}
