import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { JobDispatcher } from './job-dispatcher.service';
import { JobRepository } from './job-repository.port';
import { JobRunRepository } from './job-run-repository.port';

/**
 * What the end of a permit asks of jobs: at the lead, running jobs are
 * cancelled when the permit is archived; at every node, the runs whose
 * output was never released are deleted when the permit is destroyed.
 * Released results stay readable.
 */
@Injectable()
export class PermitJobsService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly runs: JobRunRepository,
    private readonly dispatcher: JobDispatcher,
    private readonly audit: AuditService,
  ) {}

  /** Cancels the permit's RUNNING jobs (each with its audit entry) within `tx`; returns how many. */
  async cancelRunning(permitId: string, why: string, now: Date, tx: Transaction): Promise<number> {
    let cancelled = 0;
    for (const job of await this.jobs.runningForPermit(permitId, tx)) {
      const result = { ...this.dispatcher.resultOf(job, 'CANCELLED'), error: why };
      if (!(await this.jobs.cancel(job.id, result, now, tx))) continue;
      cancelled += 1;
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'system' },
          action: 'job.cancel',
          permitId,
          outcome: 'success',
          details: { jobId: job.id, reason: why },
        },
        tx,
      );
    }
    return cancelled;
  }

  /** Deletes the outputs of the permit held here and never released, within `tx`; returns how many. */
  async deleteUnreleased(permitId: string, tx: Transaction): Promise<number> {
    return this.runs.deleteUnreleased(permitId, tx);
  }
}
