import { Application, GeneralJws } from '../domain/permit';
import { PermitChange } from '../domain/permit-change';
import { JwsSignature } from './permit-crypto.port';

export interface RemoteDecision {
  readonly permitId: string;
  readonly outcome: 'APPROVED' | 'REJECTED';
  readonly reason?: string;
  readonly decidedAt: string;
}

export type Conclusion =
  | { readonly permitId: string; readonly outcome: 'GRANTED'; readonly jws: GeneralJws }
  | {
      readonly permitId: string;
      readonly outcome: 'REJECTED' | 'WITHDRAWN';
      readonly reasons: readonly string[];
    };

/** The application as the lead hands it over: the version and the decision deadline travel with it. */
export interface ApplicationCopy {
  readonly application: Application;
  readonly version: number;
  readonly decisionDueAt: string;
}

/** The permit conversation between nodes (gRPC PermitService). */
export abstract class PermitPeers {
  /** Lead → participant: here is the application; store it for your reviewers. */
  abstract submitApplication(peerId: string, copy: ApplicationCopy): Promise<void>;
  /** Participant → lead: my HDAB decided. */
  abstract recordDecision(leadId: string, decision: RemoteDecision): Promise<void>;
  /** Lead → participant: sign this payload of the application you approved. */
  abstract signPermit(peerId: string, permitId: string, payloadJson: string): Promise<JwsSignature>;
  /** Lead → participant: the application ended: granted (with the permit), rejected or withdrawn. */
  abstract conclude(peerId: string, conclusion: Conclusion): Promise<void>;
  /** Participant → every other participant: my HDAB suspended, resumed or revoked the permit. */
  abstract changeStatus(
    peerId: string,
    permitId: string,
    change: PermitChange,
    reason: string,
  ): Promise<void>;
}
