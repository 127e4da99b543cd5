import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { NodeConfig, UseConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { kindNamed } from '../../analysis/domain/analysis-catalogue';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { canonicalJson } from '../../permits/domain/canonical-json';
import { WorkspacesService } from '../../workspaces/application/workspaces.service';
import { mergedColumns } from '../../workspaces/domain/workspace';
import { isFinished, Job, JobResult, JobStatus, overallStatus } from '../domain/job';
import { JobPeers, RunJobReply, RunJobRequest } from './job-peers.port';
import { JobRepository, NodeOutcome } from './job-repository.port';
import { RunJobService, specHashOf } from './run-job.service';
import { SubmitterAssertions } from './submitter-assertions.port';

/**
 * The lead's fan-out: sends every node its part in parallel with a
 * deadline, settles each answer, and when every part is settled combines
 * the released contributions into the job's result. Parts are leased in the
 * database, so after a restart (or on another replica) the sweep sends again
 * whatever was left out; nodes answer a job they ran before as they did then.
 */
@Injectable()
export class JobDispatcher implements OnModuleDestroy {
  private readonly logger = new Logger(JobDispatcher.name);
  /** Once the node is stopping, parts out stay leased for the next start instead of failing. */
  private stopping = false;

  constructor(
    private readonly jobs: JobRepository,
    private readonly peers: JobPeers,
    private readonly local: RunJobService,
    private readonly assertions: SubmitterAssertions,
    private readonly stages: PermitStagesService,
    private readonly workspaces: WorkspacesService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
    private readonly config: UseConfig,
  ) {}

  onModuleDestroy(): void {
    this.stopping = true;
  }

  /** Starts dispatching a job without waiting for it. */
  dispatchSoon(jobId: string): void {
    void this.dispatch(jobId).catch((error: unknown) =>
      this.logger.error(`Dispatch of job ${jobId} failed: ${(error as Error).message}`),
    );
  }

  /** Sends every part due (of one job, or of all jobs) and waits for the answers. */
  async dispatch(jobId?: string): Promise<void> {
    if (this.stopping) return;
    const now = this.clock.now();
    // Two deadlines (the call and its one retry) and a margin before another attempt may start.
    const leaseUntil = new Date(now.getTime() + 2 * this.config.jobDeadlineMs + 5_000);
    const parts = await this.jobs.claim(now, leaseUntil, jobId);
    const byJob = new Map<string, string[]>();
    for (const part of parts) byJob.set(part.jobId, [...(byJob.get(part.jobId) ?? []), part.node]);
    await Promise.all(
      [...byJob].map(async ([id, nodes]) => {
        const job = await this.jobs.get(id);
        if (!job) return;
        const request = await this.requestFor(job);
        await Promise.all(nodes.map((node) => this.sendPart(job, node, request)));
        await this.finishIfSettled(id);
      }),
    );
  }

  /** The result a researcher receives for a job in its current state. */
  resultOf(job: Job, status: Exclude<JobStatus, 'RUNNING'>): JobResult {
    const released = job.nodes.filter((n) => n.state === 'RELEASED');
    const missing = job.nodes
      .filter((n) => n.state !== 'RELEASED')
      .map((n) =>
        isFinished(n.state)
          ? { node: n.node, state: n.state, reason: n.reason ?? n.state }
          : { node: n.node, state: 'CANCELLED' as const, reason: 'the job was cancelled' },
      );
    return {
      status,
      spec: job.spec,
      contributors: released.map((n) => ({ node: n.node, persons: n.persons ?? 0 })),
      missing,
    };
  }

  private async requestFor(job: Job): Promise<RunJobRequest> {
    const { record } = await this.stages.granted(job.permitId, { anyTime: true });
    const specJson = canonicalJson(job.spec);
    const assertion = await this.assertions.issue(
      {
        jobId: job.id,
        permitId: job.permitId,
        specHash: specHashOf(specJson),
        submitter: job.spec.submittedBy,
      },
      this.clock.now(),
    );
    return { jobId: job.id, permitJws: record.jws!, specJson, assertion };
  }

  private async sendPart(job: Job, node: string, request: RunJobRequest): Promise<void> {
    let outcome: NodeOutcome;
    try {
      const reply: RunJobReply =
        node === this.node.id
          ? await this.local.run(this.node.id, request)
          : await this.peers.run(node, request, this.config.jobDeadlineMs);
      outcome =
        reply.outcome === 'RELEASED'
          ? { state: 'RELEASED', contribution: reply.contribution, persons: reply.persons }
          : {
              state: 'BLOCKED',
              findings: reply.findings,
              reason: 'held back by the output gate',
            };
    } catch (error) {
      if (this.stopping) return;
      const reason =
        error instanceof DomainError
          ? `${error.code}: ${error.message}`
          : `INTERNAL: ${(error as Error).message}`;
      outcome = { state: 'FAILED', reason };
    }
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.jobs.settle(job.id, node, outcome, this.clock.now(), tx))) return;
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'system' },
          action: 'job.part',
          permitId: job.permitId,
          outcome: outcome.state === 'FAILED' ? 'error' : 'success',
          details: { jobId: job.id, node, state: outcome.state, reason: outcome.reason },
        },
        tx,
      );
    });
  }

  /** Combines the released contributions once every part is settled. */
  private async finishIfSettled(jobId: string): Promise<void> {
    if (this.stopping) return;
    const job = await this.jobs.get(jobId);
    if (!job || job.status !== 'RUNNING') return;
    const status = overallStatus(job.nodes);
    if (status === 'RUNNING' || status === 'CANCELLED') return;
    let result: JobResult;
    let finalStatus = status;
    try {
      result = { ...this.resultOf(job, status), result: await this.combine(job) };
    } catch (error) {
      // Released contributions that do not fit together: nothing is shown rather than a wrong result.
      finalStatus = 'FAILED';
      result = {
        ...this.resultOf(job, 'FAILED'),
        error: `The contributions could not be combined: ${(error as Error).message}`,
      };
    }
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.jobs.finish(jobId, finalStatus, result, this.clock.now(), tx))) return;
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'system' },
          action: 'job.finish',
          permitId: job.permitId,
          outcome: 'success',
          details: {
            jobId,
            status: finalStatus,
            contributors: result.contributors.map((c) => c.node),
          },
        },
        tx,
      );
    });
  }

  private async combine(job: Job): Promise<unknown> {
    const released = job.nodes.filter((n) => n.state === 'RELEASED');
    if (released.length === 0) return undefined;
    const kind = kindNamed(job.spec.kind)!;
    const params = kind.params.parse(job.spec.params);
    const ready = await this.workspaces.readiness(job.permitId);
    const columns = mergedColumns(
      ready.flatMap((r) => r.tables.filter((t) => t.dataset === job.spec.params.dataset)),
    );
    const combined = kind.combine(
      params,
      released.map((n) => n.contribution),
      columns,
      undefined,
    );
    if (!('result' in combined)) throw new Error(`${kind.name} needs rounds`);
    return combined.result;
  }
}
