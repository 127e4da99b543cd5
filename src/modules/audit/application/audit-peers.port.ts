/** Other nodes' audit trees, as this node asks them over the federation. */
export abstract class AuditPeers {
  /** The peer's latest signed tree head, as a compact JWS. */
  abstract signedTreeHead(peerId: string): Promise<string>;
  abstract consistencyProof(peerId: string, first: number, second: number): Promise<Buffer[]>;
}
