import type { PublicFinding } from '../../airlock/domain/output-gate.rules';
import type { OutputRules } from '../../analysis/domain/analysis-kind';
import type { NamedUser } from '../../permits/domain/permit';

/** Exactly what was asked and by whom: what every node checks and runs, and what the result names. */
export interface JobSpec {
  readonly jobId: string;
  readonly permitId: string;
  readonly kind: string;
  readonly params: Readonly<Record<string, unknown>> & { readonly dataset: string };
  readonly submittedBy: NamedUser;
  readonly submittedAt: string;
  /**
   * The strictest output rules among the participants, as the lead knows
   * them; each node applies these or its own, whichever is stricter.
   */
  readonly rules?: OutputRules;
}

/** The whole job, at the lead. */
export type JobStatus = 'RUNNING' | 'COMPLETE' | 'PARTIAL' | 'FAILED' | 'CANCELLED';

/** One node's part, as the lead sees it. */
export type NodeState =
  'QUEUED' | 'DISPATCHED' | 'AWAITING_REVIEW' | 'RELEASED' | 'BLOCKED' | 'FAILED' | 'CANCELLED';

export interface JobNode {
  readonly node: string;
  /** The round this part belongs to, from 1. */
  readonly round: number;
  readonly state: NodeState;
  readonly attempts: number;
  readonly leaseUntil?: Date;
  /** The released contribution: only what passed the node's output gate. */
  readonly contribution?: unknown;
  readonly persons?: number;
  /** Why the node's output gate held the contribution back (rule, cell, threshold, outcome). */
  readonly findings?: readonly PublicFinding[];
  readonly reason?: string;
  readonly finishedAt?: Date;
}

export interface Job {
  readonly id: string;
  readonly permitId: string;
  readonly spec: JobSpec;
  readonly status: JobStatus;
  /** The current round, from 1, and the state the lead keeps for it (iterative kinds). */
  readonly round: number;
  readonly state?: unknown;
  /** Every node's part in every round. */
  readonly parts: readonly JobNode[];
  readonly result?: JobResult;
  readonly submittedAt: Date;
  readonly finishedAt?: Date;
}

/** What a researcher receives: the pooled result and exactly who it stands on. */
export interface JobResult {
  readonly status: Exclude<JobStatus, 'RUNNING'>;
  readonly spec: JobSpec;
  /** How many rounds the job took (1 unless the kind iterates). */
  readonly rounds: number;
  readonly contributors: readonly { readonly node: string; readonly persons: number }[];
  readonly missing: readonly {
    readonly node: string;
    readonly state: NodeState;
    readonly reason: string;
  }[];
  readonly result?: unknown;
  /** Why there is no result although nodes released their parts. */
  readonly error?: string;
}

export const FINISHED_NODE_STATES: readonly NodeState[] = [
  'RELEASED',
  'BLOCKED',
  'FAILED',
  'CANCELLED',
];

export function isFinished(state: NodeState): boolean {
  return FINISHED_NODE_STATES.includes(state);
}

/** Each node's latest part: what the job stands on now (a node left out after round 1 keeps its last part). */
export function latestParts(job: Pick<Job, 'parts'>): JobNode[] {
  const latest = new Map<string, JobNode>();
  for (const part of job.parts) {
    const seen = latest.get(part.node);
    if (!seen || part.round > seen.round) latest.set(part.node, part);
  }
  return [...latest.values()].sort((a, b) => (a.node < b.node ? -1 : 1));
}

/** The parts of the current round. */
export function currentParts(job: Pick<Job, 'parts' | 'round'>): JobNode[] {
  return job.parts.filter((p) => p.round === job.round);
}

/**
 * The whole job once every node has finished: COMPLETE when all released,
 * PARTIAL when some did, FAILED when none did.
 */
export function overallStatus(nodes: readonly Pick<JobNode, 'state'>[]): JobStatus {
  if (nodes.some((n) => !isFinished(n.state))) return 'RUNNING';
  const released = nodes.filter((n) => n.state === 'RELEASED').length;
  if (released === nodes.length) return 'COMPLETE';
  return released > 0 ? 'PARTIAL' : 'FAILED';
}
