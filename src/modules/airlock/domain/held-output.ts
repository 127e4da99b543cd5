import type { JobSpec } from '../../jobs/domain/job';
import type { GradedFinding, OutputStatus, PublicFinding } from './output-gate.rules';

export type HeldState = 'AWAITING_REVIEW' | 'RELEASED' | 'REJECTED';

export interface Reviewer {
  readonly issuer: string;
  readonly subject: string;
}

export interface Review {
  readonly reviewer: Reviewer;
  readonly decision: 'RELEASE' | 'REJECT';
  readonly reason: string;
  readonly reviewedAt: Date;
}

/** A contribution held at this node for its reviewers, with the job it answers and the checks' findings. */
export interface HeldOutput {
  readonly id: string;
  readonly jobId: string;
  readonly round: number;
  readonly permitId: string;
  /** The node leading the job: where the decision is delivered. */
  readonly lead: string;
  readonly spec: JobSpec;
  /** Only at this node, until released. */
  readonly contribution: unknown;
  readonly persons: number;
  readonly findings: readonly GradedFinding[];
  readonly status: OutputStatus;
  readonly state: HeldState;
  readonly reason?: string;
  readonly heldAt: Date;
  readonly decidedAt?: Date;
  readonly deliveredAt?: Date;
  readonly reviews: readonly Review[];
}

/** What the lead is told of a decided output: the contribution if released, the reasons if rejected. */
export type Delivery =
  | {
      readonly outcome: 'RELEASED';
      readonly contribution: unknown;
      readonly persons: number;
    }
  | {
      readonly outcome: 'BLOCKED';
      readonly findings: readonly PublicFinding[];
      readonly reason: string;
    };

export const sameReviewer = (a: Reviewer, b: Reviewer): boolean =>
  a.issuer === b.issuer && a.subject === b.subject;
