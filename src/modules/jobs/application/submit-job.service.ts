import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError, ERROR_CODES } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import type { OutputRules } from '../../analysis/domain/analysis-kind';
import { strictestRules } from '../../analysis/domain/checks/strictest';
import { AuditService } from '../../audit/application/audit.service';
import { outcomeOfStatus } from '../../audit/domain/audit-entry';
import { Person, personId } from '../../identity/domain/person';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { assertUserNamed } from '../../permits/domain/permit.rules';
import type { Readiness } from '../../workspaces/application/workspace-store.port';
import { WorkspacesService } from '../../workspaces/application/workspaces.service';
import { mergedColumns, WorkspaceTableInfo } from '../../workspaces/domain/workspace';
import { Job, JobSpec } from '../domain/job';
import { checkJob, jobNodesOf } from '../domain/job.rules';
import { JobDispatcher } from './job-dispatcher.service';
import { JobRepository } from './job-repository.port';
import { JobSettlements } from './job-settlements';

/** How often a waiting request reads the job again, for a job settled by another replica. */
const RECHECK_MS = 1000;

/** The researcher's side of jobs, at the permit's lead: submit, follow, cancel. */
@Injectable()
export class SubmitJobService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly stages: PermitStagesService,
    private readonly workspaces: WorkspacesService,
    private readonly dispatcher: JobDispatcher,
    private readonly settlements: JobSettlements,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  /**
   * Checks everything every node will check, so a bad job is refused here
   * and nothing runs anywhere; then records the job and dispatches it.
   */
  async submit(
    person: Person,
    permitId: string,
    request: { kind: string; params: JobSpec['params'] },
  ): Promise<Job> {
    try {
      return await this.submitChecked(person, permitId, request);
    } catch (error) {
      // The refusal is audited with the permit it concerns (the HTTP entry names only the route).
      if (error instanceof DomainError && error.code.startsWith('PERMIT.')) {
        await this.audit.record({
          channel: 'http',
          actor: { kind: 'user', id: personId(person) },
          action: 'job.refuse',
          permitId,
          outcome: outcomeOfStatus(ERROR_CODES[error.code]),
          errorCode: error.code,
        });
      }
      throw error;
    }
  }

  private async submitChecked(
    person: Person,
    permitId: string,
    request: { kind: string; params: JobSpec['params'] },
  ): Promise<Job> {
    // Independent reads, sent to the database at once.
    const [{ record, payload }, ready] = await Promise.all([
      this.stages.granted(permitId),
      this.workspaces.readiness(permitId),
    ]);
    assertUserNamed(payload, person);
    if (payload.lead !== this.node.id) {
      throw new DomainError(
        'REQUEST.FORBIDDEN',
        `Jobs of permit ${permitId} are submitted at its lead, ${payload.lead}`,
        { lead: payload.lead },
      );
    }
    if (record.status !== 'ACTIVE') {
      throw new DomainError(
        'PERMIT.NOT_ACTIVE',
        `Permit ${permitId} is ${record.status}: jobs run only while it is ACTIVE`,
        { status: record.status },
      );
    }
    const now = this.clock.now();
    const asked: JobSpec = {
      jobId: randomUUID(),
      permitId,
      kind: request.kind,
      params: request.params,
      submittedBy: { issuer: person.issuer, subject: person.subject },
      submittedAt: now.toISOString(),
    };
    const nodes = jobNodesOf(payload, request.params.dataset);
    const tables = new Map<string, WorkspaceTableInfo>(
      nodes.map((node) => {
        const table = ready
          .find((r) => r.node === node)
          ?.tables.find((t) => t.dataset === request.params.dataset);
        if (!table) throw new DomainError('WORKSPACE.NOT_READY', `No workspace at ${node} yet`);
        return [node, table];
      }),
    );
    // The specification every node runs and the result names: the parameters with their defaults.
    const checked = checkJob(asked, payload, tables);
    const columns = mergedColumns([...tables.values()]);
    const params = checked.kind.fixDefaults?.(checked.params, columns) ?? checked.params;
    const rules = strictestReported(ready.filter((r) => nodes.includes(r.node)));
    const spec: JobSpec = { ...asked, params, ...(rules && { rules }) };
    const state = checked.kind.rounds?.start(params, columns);
    await this.unitOfWork.run(async (tx) => {
      await this.jobs.insert(spec, nodes, state, now, tx);
      await this.audit.record(
        {
          channel: 'http',
          actor: { kind: 'user', id: personId(person) },
          action: 'job.submit',
          permitId,
          outcome: 'success',
          details: { jobId: spec.jobId, kind: spec.kind, nodes },
        },
        tx,
      );
    });
    this.dispatcher.dispatchSoon(spec.jobId);
    return (await this.jobs.get(spec.jobId))!;
  }

  /**
   * A job, for the people its permit names; while it is RUNNING, answered
   * as soon as it settles or after `waitMs`, whichever is first (a long poll).
   */
  async get(person: Person, jobId: string, waitMs = 0): Promise<Job> {
    let job = await this.visible(person, jobId);
    for (let left = waitMs; job.status === 'RUNNING' && left > 0; left -= RECHECK_MS) {
      // Waiting starts before the reading, so a job settling in between is not missed.
      const settled = this.settlements.next(jobId, Math.min(left, RECHECK_MS));
      job = (await this.jobs.get(jobId)) ?? job;
      if (job.status !== 'RUNNING') break;
      await settled;
      job = (await this.jobs.get(jobId)) ?? job;
    }
    return job;
  }

  private async visible(person: Person, jobId: string): Promise<Job> {
    const job = await this.jobs.get(jobId);
    if (!job) throw notFound(jobId);
    const { payload } = await this.stages.granted(job.permitId, { anyTime: true }).catch(() => {
      throw notFound(jobId);
    });
    if (!payload.users.some((u) => u.issuer === person.issuer && u.subject === person.subject)) {
      throw notFound(jobId);
    }
    return job;
  }

  async list(person: Person, permitId: string): Promise<Job[]> {
    const { payload } = await this.stages.granted(permitId, { anyTime: true });
    assertUserNamed(payload, person);
    return this.jobs.listForPermit(permitId);
  }

  /** The submitter stops a running job: parts still out are discarded when they come back. */
  async cancel(person: Person, jobId: string): Promise<Job> {
    const job = await this.visible(person, jobId);
    if (
      job.spec.submittedBy.issuer !== person.issuer ||
      job.spec.submittedBy.subject !== person.subject
    ) {
      throw new DomainError('REQUEST.FORBIDDEN', 'Only the submitter can cancel a job');
    }
    const now = this.clock.now();
    await this.unitOfWork.run(async (tx) => {
      const cancelled = await this.jobs.cancel(
        jobId,
        this.dispatcher.resultOf(job, 'CANCELLED'),
        now,
        tx,
      );
      if (!cancelled) throw new DomainError('JOB.FINISHED', `Job ${jobId} is ${job.status}`);
      await this.audit.record(
        {
          channel: 'http',
          actor: { kind: 'user', id: personId(person) },
          action: 'job.cancel',
          permitId: job.permitId,
          outcome: 'success',
          details: { jobId },
        },
        tx,
      );
    });
    this.settlements.announce(jobId);
    return (await this.jobs.get(jobId))!;
  }
}

function notFound(jobId: string): DomainError {
  return new DomainError('JOB.NOT_FOUND', `No job ${jobId} for you at this node`);
}

/**
 * The strictest output rules the job's nodes reported with their
 * workspaces; none if none did. Each node applies these or its own,
 * whichever is stricter, so a node that reported none still applies its own.
 */
function strictestReported(ready: readonly Readiness[]): OutputRules | undefined {
  const [first, ...others] = ready.flatMap((r) => (r.outputRules ? [r.outputRules] : []));
  return first && strictestRules(first, others);
}
