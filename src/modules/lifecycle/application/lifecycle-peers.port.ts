/** The end of a permit between nodes (gRPC LifecycleService). */
export abstract class LifecyclePeers {
  /** Lead → participant: the lead closed the permit; archive it. */
  abstract close(peerId: string, permitId: string, reason: string): Promise<void>;
  /** Participant → lead: my signed destruction record. */
  abstract deliverRecord(leadId: string, permitId: string, record: string): Promise<void>;
}
