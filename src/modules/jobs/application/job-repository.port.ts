import { Transaction } from '../../../shared/transaction';
import { Job, JobNode, JobResult, JobSpec, JobStatus, NodeState } from '../domain/job';

/** One node's part of one round of a job. */
export interface Part {
  readonly jobId: string;
  readonly node: string;
  readonly round: number;
}

/** A node's part, settled: what the lead keeps of it. */
export interface NodeOutcome {
  readonly state: Extract<NodeState, 'AWAITING_REVIEW' | 'RELEASED' | 'BLOCKED' | 'FAILED'>;
  readonly contribution?: unknown;
  readonly persons?: number;
  readonly findings?: JobNode['findings'];
  readonly reason?: string;
}

/** Jobs as their lead keeps them. Every change is guarded by the state it expects. */
export abstract class JobRepository {
  /** A new RUNNING job, its first round queued at `nodes` with the lead's first state. */
  abstract insert(
    spec: JobSpec,
    nodes: readonly string[],
    state: unknown,
    now: Date,
    tx: Transaction,
  ): Promise<void>;
  abstract get(id: string, tx?: Transaction): Promise<Job | undefined>;
  abstract listForPermit(permitId: string): Promise<Job[]>;
  /** The permit's jobs still RUNNING. */
  abstract runningForPermit(permitId: string, tx: Transaction): Promise<Job[]>;
  /**
   * Takes the node parts due for dispatch — QUEUED, or DISPATCHED with an
   * expired lease (a lead that stopped mid-way) — of one job or of all, and
   * leases them to this process until `leaseUntil`. Replicas never take the
   * same part (row locks, SKIP LOCKED).
   */
  abstract claim(now: Date, leaseUntil: Date, jobId?: string): Promise<Part[]>;
  /** Settles a DISPATCHED part; false if it was settled or cancelled meanwhile. */
  abstract settle(part: Part, outcome: NodeOutcome, now: Date, tx: Transaction): Promise<boolean>;
  /**
   * Settles a part DISPATCHED or AWAITING_REVIEW with its node's reviewer's
   * decision: 'settled'; 'before' if the part was settled or cancelled
   * before; 'unknown' if there is no such part.
   */
  abstract decide(
    part: Part,
    outcome: NodeOutcome & { state: 'RELEASED' | 'BLOCKED' },
    now: Date,
    tx: Transaction,
  ): Promise<'settled' | 'before' | 'unknown'>;
  /**
   * Moves a RUNNING job from round `from` to the next with the lead's new
   * state, queueing a part for each of `nodes`; false if another process
   * moved it first.
   */
  abstract nextRound(
    jobId: string,
    from: number,
    state: unknown,
    nodes: readonly string[],
    tx: Transaction,
  ): Promise<boolean>;
  /** Ends a RUNNING job; false if it had ended. */
  abstract finish(
    jobId: string,
    status: Exclude<JobStatus, 'RUNNING' | 'CANCELLED'>,
    result: JobResult,
    now: Date,
    tx: Transaction,
  ): Promise<boolean>;
  /** Cancels a RUNNING job and every unfinished part of it; false if it had ended. */
  abstract cancel(jobId: string, result: JobResult, now: Date, tx: Transaction): Promise<boolean>;
}
