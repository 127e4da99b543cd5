import { Delivery } from '../../airlock/domain/held-output';
import { GateDecision } from '../../airlock/domain/output-gate.rules';
import { GeneralJws } from '../../permits/domain/permit';

/** What the lead sends a node to run its part of a job. */
export interface RunJobRequest {
  readonly jobId: string;
  readonly permitJws: GeneralJws;
  /** The job specification as RFC 8785 canonical JSON: what the assertion's hash covers. */
  readonly specJson: string;
  /** The lead's signed statement of who submitted this job (a JWT, EdDSA). */
  readonly assertion: string;
  /** The round, from 1, and the lead's state for it (undefined for one-round kinds). */
  readonly round: number;
  readonly state: unknown;
}

/** A node's answer: its released contribution, or the findings that held it back (never the values). */
export type RunJobReply = GateDecision;

/** A node's reviewer's decision on its held part of a job, for the lead. */
export interface DeliverRequest {
  readonly jobId: string;
  readonly round: number;
  readonly delivery: Delivery;
}

/** The job conversation between nodes (gRPC JobService). */
export abstract class JobPeers {
  abstract run(peerId: string, request: RunJobRequest, deadlineMs: number): Promise<RunJobReply>;
  /** Tells the lead a reviewer's decision; true if this call settled the lead's part. */
  abstract deliver(leadId: string, request: DeliverRequest): Promise<boolean>;
}
