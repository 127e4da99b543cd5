import { Transaction } from '../../../shared/transaction';
import { JobSpec } from '../domain/job';
import { GateDecision } from '../../airlock/domain/output-gate.rules';

/** This node's run of a job, as it keeps it. */
export interface JobRun {
  readonly jobId: string;
  readonly round: number;
  readonly permitId: string;
  readonly spec: JobSpec;
  readonly state: 'RUNNING' | 'AWAITING_REVIEW' | 'RELEASED' | 'BLOCKED' | 'FAILED';
  readonly decision?: GateDecision;
  readonly reason?: string;
}

/**
 * The runs this node made of jobs led by any node, per round, with the
 * gate's first decision; only contributions released at once are kept here
 * (held ones stay in the airlock).
 */
export abstract class JobRunRepository {
  abstract get(jobId: string, round: number): Promise<JobRun | undefined>;
  /**
   * Records how a round's run ended, once it has: its gate decision or its
   * failure. A run that failed before is replaced; a decided one is kept.
   */
  abstract record(
    run: { spec: JobSpec; round: number; lead: string; startedAt: Date },
    outcome: { decision: GateDecision } | { failed: string },
    now: Date,
    tx: Transaction,
  ): Promise<void>;
  /**
   * Deletes the permit's unreleased outputs: those held at this node's airlock and never
   * released (awaiting review or rejected), with their reviews; returns how many.
   */
  abstract deleteUnreleased(permitId: string, tx: Transaction): Promise<number>;
}
