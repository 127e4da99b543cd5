import { Transaction } from '../../../shared/transaction';
import { JobSpec } from '../domain/job';
import { GateDecision } from '../../airlock/domain/output-gate.rules';

/** This node's run of a job, as it keeps it. */
export interface JobRun {
  readonly jobId: string;
  readonly permitId: string;
  readonly spec: JobSpec;
  readonly state: 'RUNNING' | 'RELEASED' | 'BLOCKED' | 'FAILED';
  readonly decision?: GateDecision;
  readonly reason?: string;
}

/** The runs this node made of jobs led by any node; only released contributions are kept. */
export abstract class JobRunRepository {
  abstract get(jobId: string): Promise<JobRun | undefined>;
  /** Records the start of a run; a run started before and not finished is started again. */
  abstract start(spec: JobSpec, lead: string, now: Date): Promise<void>;
  abstract finish(
    jobId: string,
    outcome: { decision: GateDecision } | { failed: string },
    now: Date,
    tx: Transaction,
  ): Promise<void>;
}
