import { GeneralJws } from '../../permits/domain/permit';
import { Extension, ExtensionDecision } from '../domain/extension';

/** The end of a permit between nodes (gRPC LifecycleService). */
export abstract class LifecyclePeers {
  /** Lead → participant: the lead closed the permit; archive it. */
  abstract close(peerId: string, permitId: string, reason: string): Promise<void>;
  /** Participant → lead: my signed destruction record. */
  abstract deliverRecord(leadId: string, permitId: string, record: string): Promise<void>;
  /** Lead → participant: the applicant asks to extend the permit. */
  abstract proposeExtension(
    peerId: string,
    extension: Pick<Extension, 'id' | 'permitId' | 'validUntil' | 'reason' | 'requestedAt'>,
  ): Promise<void>;
  /** Participant → lead: my HDAB's decision (an approval with my signature of the amended permit). */
  abstract decideExtension(
    leadId: string,
    permitId: string,
    extensionId: string,
    decision: ExtensionDecision,
  ): Promise<void>;
  /** Lead → participant: the extension was granted (the amended permit) or rejected. */
  abstract concludeExtension(
    peerId: string,
    permitId: string,
    extensionId: string,
    conclusion: { outcome: 'GRANTED'; jws: GeneralJws } | { outcome: 'REJECTED' },
  ): Promise<void>;
}
