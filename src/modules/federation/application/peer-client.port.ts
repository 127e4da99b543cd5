import { NodeInfo } from '../domain/federation-member';

export interface PeerHealth {
  readonly serving: boolean;
  readonly databaseUp: boolean;
}

/**
 * Calls to other nodes. Every call has a deadline; failures surface as
 * DomainErrors (PEER.UNAVAILABLE, PEER.DEADLINE_EXCEEDED, or the peer's own code).
 */
export abstract class PeerClient {
  abstract getNodeInfo(peerId: string): Promise<NodeInfo>;
  abstract checkHealth(peerId: string): Promise<PeerHealth>;
}
