import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { NodeConfig, UseConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { kindNamed } from '../../analysis/domain/analysis-catalogue';
import { Combined } from '../../analysis/domain/analysis-kind';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { canonicalJson } from '../../permits/domain/canonical-json';
import { WorkspacesService } from '../../workspaces/application/workspaces.service';
import { mergedColumns } from '../../workspaces/domain/workspace';
import {
  currentParts,
  isFinished,
  Job,
  JobResult,
  JobStatus,
  latestParts,
  overallStatus,
} from '../domain/job';
import { DeliverRequest, JobPeers, RunJobReply, RunJobRequest } from './job-peers.port';
import { JobRepository, NodeOutcome, Part } from './job-repository.port';
import { JobSettlements } from './job-settlements';
import { RunJobService, specHashOf } from './run-job.service';
import { SubmitterAssertions } from './submitter-assertions.port';

/**
 * The lead's fan-out: sends every node its part of the current round in
 * parallel with a deadline, settles each answer, and when the round is
 * settled combines the released contributions into the result or, for an
 * iterative kind, the next round's state. Parts are leased in the database,
 * so after a restart (or on another replica) the sweep sends again whatever
 * was left out; nodes answer a round they ran before as they did then.
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
    private readonly settlements: JobSettlements,
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

  /** Sends every part due (of one job, or of all jobs) and waits for the answers and the rounds after. */
  async dispatch(jobId?: string): Promise<void> {
    if (this.stopping) return;
    const now = this.clock.now();
    // Two deadlines (the call and its one retry) and a margin before another attempt may start.
    const leaseUntil = new Date(now.getTime() + 2 * this.config.jobDeadlineMs + 5_000);
    const parts = await this.jobs.claim(now, leaseUntil, jobId);
    const byJob = new Map<string, Part[]>();
    for (const part of parts) byJob.set(part.jobId, [...(byJob.get(part.jobId) ?? []), part]);
    await Promise.all(
      [...byJob].map(async ([id, claimed]) => {
        const job = await this.jobs.get(id);
        if (!job) return;
        const request = await this.requestFor(job);
        await Promise.all(claimed.map((part) => this.sendPart(job, part, request)));
        if (await this.advance(id)) await this.dispatch(id);
      }),
    );
  }

  /** The result a researcher receives for a job in its current state. */
  resultOf(job: Job, status: Exclude<JobStatus, 'RUNNING'>): JobResult {
    const latest = latestParts(job);
    return {
      status,
      spec: job.spec,
      rounds: job.round,
      contributors: latest
        .filter((n) => n.state === 'RELEASED')
        .map((n) => ({ node: n.node, persons: n.persons ?? 0 })),
      missing: latest
        .filter((n) => n.state !== 'RELEASED')
        .map((n) =>
          isFinished(n.state)
            ? { node: n.node, state: n.state, reason: n.reason ?? n.state }
            : { node: n.node, state: 'CANCELLED' as const, reason: 'the job was cancelled' },
        ),
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
    return {
      jobId: job.id,
      permitJws: record.jws!,
      specJson,
      assertion,
      round: job.round,
      state: job.state,
    };
  }

  private async sendPart(job: Job, part: Part, request: RunJobRequest): Promise<void> {
    let outcome: NodeOutcome;
    try {
      const reply: RunJobReply =
        part.node === this.node.id
          ? await this.local.run(this.node.id, request)
          : await this.peers.run(part.node, request, this.config.jobDeadlineMs);
      outcome = outcomeOf(reply, part.node);
    } catch (error) {
      if (this.stopping) return;
      const reason =
        error instanceof DomainError
          ? `${error.code}: ${error.message}`
          : `INTERNAL: ${(error as Error).message}`;
      outcome = { state: 'FAILED', reason };
    }
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.jobs.settle(part, outcome, this.clock.now(), tx))) return;
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'system' },
          action: 'job.part',
          permitId: job.permitId,
          outcome: outcome.state === 'FAILED' ? 'error' : 'success',
          details: {
            jobId: job.id,
            node: part.node,
            round: part.round,
            state: outcome.state,
            reason: outcome.reason,
          },
        },
        tx,
      );
    });
  }

  /**
   * A node's reviewer's decision on its part, delivered by that node (only a
   * node's own part: `from` is the authenticated caller). Settles the part
   * and, once the round is settled, goes on. True if this call settled it;
   * false if it was settled or cancelled before (a repeated delivery).
   */
  async receive(from: string, request: DeliverRequest): Promise<boolean> {
    const part: Part = { jobId: request.jobId, node: from, round: request.round };
    const { delivery } = request;
    const outcome =
      delivery.outcome === 'RELEASED'
        ? {
            state: 'RELEASED' as const,
            contribution: delivery.contribution,
            persons: delivery.persons,
          }
        : { state: 'BLOCKED' as const, findings: delivery.findings, reason: delivery.reason };
    const job = await this.jobs.get(request.jobId);
    const settled = await this.unitOfWork.run(async (tx) => {
      const result = await this.jobs.decide(part, outcome, this.clock.now(), tx);
      if (result === 'settled') {
        await this.audit.record(
          {
            channel: from === this.node.id ? 'internal' : 'grpc',
            actor: { kind: 'peer', id: from },
            action: 'job.part',
            permitId: job?.permitId,
            outcome: 'success',
            details: {
              jobId: part.jobId,
              node: from,
              round: part.round,
              state: outcome.state,
              reason: outcome.reason,
              reviewed: true,
            },
          },
          tx,
        );
      }
      return result;
    });
    if (settled === 'unknown') {
      throw new DomainError(
        'JOB.NOT_FOUND',
        `No part of ${from} in round ${part.round} of job ${part.jobId} here`,
      );
    }
    if (settled === 'settled' && (await this.advance(part.jobId))) this.dispatchSoon(part.jobId);
    return settled === 'settled';
  }

  /**
   * Once the current round is settled: the result, or the next round (true).
   * A round after the first needs every node that took part: a model cannot
   * go on exactly without one.
   */
  private async advance(jobId: string): Promise<boolean> {
    if (this.stopping) return false;
    const job = await this.jobs.get(jobId);
    if (!job || job.status !== 'RUNNING') return false;
    const parts = currentParts(job);
    if (parts.some((p) => !isFinished(p.state))) return false;
    const released = parts.filter((p) => p.state === 'RELEASED');
    const lost = parts.filter((p) => p.state !== 'RELEASED');
    if (released.length === 0 || (job.round > 1 && lost.length > 0)) {
      const reason =
        job.round > 1
          ? `round ${job.round} lacks ${lost.map((p) => p.node).join(', ')}`
          : undefined;
      await this.finish(job, 'FAILED', {
        ...this.resultOf(job, 'FAILED'),
        ...(reason && { error: reason }),
      });
      return false;
    }
    let combined: Combined<unknown, unknown>;
    try {
      combined = await this.combine(
        job,
        released.map((p) => p.contribution),
      );
    } catch (error) {
      // Contributions that do not fit together: nothing is shown rather than a wrong result.
      await this.finish(job, 'FAILED', {
        ...this.resultOf(job, 'FAILED'),
        error:
          error instanceof DomainError
            ? `${error.code}: ${error.message}`
            : `The contributions could not be combined: ${(error as Error).message}`,
      });
      return false;
    }
    if ('result' in combined) {
      const status = overallStatus(latestParts(job)) as Exclude<JobStatus, 'RUNNING' | 'CANCELLED'>;
      await this.finish(job, status, { ...this.resultOf(job, status), result: combined.result });
      return false;
    }
    return this.unitOfWork.run(async (tx) => {
      const moved = await this.jobs.nextRound(
        jobId,
        job.round,
        combined.next,
        released.map((p) => p.node),
        tx,
      );
      if (moved) {
        await this.audit.record(
          {
            channel: 'internal',
            actor: { kind: 'system' },
            action: 'job.round',
            permitId: job.permitId,
            outcome: 'success',
            details: { jobId, round: job.round + 1 },
          },
          tx,
        );
      }
      return moved;
    });
  }

  private async combine(job: Job, contributions: unknown[]): Promise<Combined<unknown, unknown>> {
    const kind = kindNamed(job.spec.kind)!;
    const params = kind.params.parse(job.spec.params);
    if (kind.rounds && job.round >= kind.rounds.maxRounds + 1) {
      throw new Error(`${kind.name} went past ${kind.rounds.maxRounds} rounds`);
    }
    const ready = await this.workspaces.readiness(job.permitId);
    const columns = mergedColumns(
      ready.flatMap((r) => r.tables.filter((t) => t.dataset === job.spec.params.dataset)),
    );
    return kind.combine(params, contributions, columns, job.state);
  }

  private async finish(
    job: Job,
    status: Exclude<JobStatus, 'RUNNING' | 'CANCELLED'>,
    result: JobResult,
  ): Promise<void> {
    const finished = await this.unitOfWork.run(async (tx) => {
      if (!(await this.jobs.finish(job.id, status, result, this.clock.now(), tx))) return false;
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'system' },
          action: 'job.finish',
          permitId: job.permitId,
          outcome: 'success',
          details: {
            jobId: job.id,
            status,
            rounds: job.round,
            contributors: result.contributors.map((c) => c.node),
          },
        },
        tx,
      );
      return true;
    });
    if (finished) this.settlements.announce(job.id);
  }
}

/** How the lead keeps a node's answer: a contribution held for review stays unsettled until decided. */
function outcomeOf(reply: RunJobReply, node: string): NodeOutcome {
  switch (reply.outcome) {
    case 'RELEASED':
      return { state: 'RELEASED', contribution: reply.contribution, persons: reply.persons };
    case 'AWAITING_REVIEW':
      return {
        state: 'AWAITING_REVIEW',
        findings: reply.findings,
        reason: `awaiting review at ${node}`,
      };
    default:
      return {
        state: 'BLOCKED',
        findings: reply.findings,
        reason: reply.reason ?? 'held back by the output gate',
      };
  }
}
