import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { GateInput, OutputGate } from '../../airlock/application/output-gate.service';
import { GateDecision } from '../../airlock/domain/output-gate.rules';
import type { AnyAnalysisKind } from '../../analysis/domain/analysis-kind';
import { AuditService } from '../../audit/application/audit.service';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { PermitVerifier } from '../../permits/application/permit-verifier';
import { canonicalJson } from '../../permits/domain/canonical-json';
import { WorkspacesService } from '../../workspaces/application/workspaces.service';
import { JobSpec } from '../domain/job';
import { jobSpecSchema } from '../domain/job-spec.schema';
import { checkJob } from '../domain/job.rules';
import { AnalysisRunner } from './analysis-runner.port';
import { RunJobReply, RunJobRequest } from './job-peers.port';
import { JobRunRepository } from './job-run-repository.port';
import { SubmitterAssertions } from './submitter-assertions.port';

/**
 * This node's part of a job, whoever leads it: check the permit, the lead,
 * the submitter's assertion, the kind and every variable before anything
 * runs; run the kind's one statement in the workspace; let the output gate
 * decide what leaves. A job run before answers as it did then.
 */
@Injectable()
export class RunJobService {
  private readonly logger = new Logger(RunJobService.name);

  constructor(
    private readonly verifier: PermitVerifier,
    private readonly stages: PermitStagesService,
    private readonly assertions: SubmitterAssertions,
    private readonly workspaces: WorkspacesService,
    private readonly runner: AnalysisRunner,
    private readonly runs: JobRunRepository,
    private readonly gate: OutputGate,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  async run(callerId: string, request: RunJobRequest): Promise<RunJobReply> {
    let spec: JobSpec | undefined;
    try {
      spec = parseSpec(request);
      const checked = await this.authorize(callerId, request, spec);
      return await this.execute(callerId, spec, request.round, checked);
    } catch (error) {
      if (error instanceof DomainError) {
        await this.audit.record({
          channel: callerId === this.node.id ? 'internal' : 'grpc',
          actor: { kind: 'peer', id: callerId },
          action: 'job.refuse',
          permitId: spec?.permitId,
          outcome: 'denied',
          errorCode: error.code,
          details: { jobId: request.jobId, round: request.round },
        });
      }
      throw error;
    }
  }

  private async authorize(callerId: string, request: RunJobRequest, spec: JobSpec) {
    const now = this.clock.now();
    // Independent reads, sent to the database at once; each is judged below in its turn.
    const [granted, workspace, earlier] = await Promise.allSettled([
      this.stages.granted(spec.permitId),
      this.workspaces.table(spec.permitId, spec.params.dataset),
      this.runs.get(spec.jobId, request.round),
    ]);
    const payload = await this.verifier.verify(request.permitJws, { now, forNode: this.node.id });
    if (payload.permitId !== spec.permitId) {
      throw new DomainError(
        'REQUEST.INVALID',
        'The job names another permit than the one attached',
      );
    }
    if (payload.lead !== callerId) {
      throw new DomainError(
        'REQUEST.FORBIDDEN',
        `${callerId} does not lead permit ${payload.permitId}`,
      );
    }
    const { record } = settled(granted);
    if (record.jws?.payload !== request.permitJws.payload) {
      throw new DomainError(
        'PERMIT.STALE',
        `The attached permit is not permit ${spec.permitId} as granted here`,
      );
    }
    if (record.status !== 'ACTIVE') {
      throw new DomainError(
        'PERMIT.NOT_ACTIVE',
        `Permit ${spec.permitId} is ${record.status} here: no job runs`,
        { status: record.status },
      );
    }
    const claims = await this.assertions.verify(request.assertion, payload.lead, now);
    if (
      claims.jobId !== spec.jobId ||
      claims.permitId !== spec.permitId ||
      claims.specHash !== specHashOf(request.specJson) ||
      claims.submitter.issuer !== spec.submittedBy.issuer ||
      claims.submitter.subject !== spec.submittedBy.subject
    ) {
      throw new DomainError('JOB.ASSERTION_INVALID', 'The submitter assertion is not for this job');
    }
    const table = settled(workspace);
    const { kind, params } = checkJob(spec, payload, new Map([[this.node.id, table.info]]));
    return { kind, params, table, state: roundState(kind, request), earlier: settled(earlier) };
  }

  private async execute(
    lead: string,
    spec: JobSpec,
    round: number,
    { kind, params, table, state, earlier }: Awaited<ReturnType<RunJobService['authorize']>>,
  ): Promise<RunJobReply> {
    if (earlier && canonicalJson(earlier.spec) !== canonicalJson(spec)) {
      throw new DomainError(
        'REQUEST.INVALID',
        `Job ${spec.jobId} was run here with another specification`,
      );
    }
    if (earlier?.decision?.outcome === 'AWAITING_REVIEW') {
      return (await this.gate.current(spec.jobId, round)) ?? earlier.decision;
    }
    if (earlier?.decision) return earlier.decision;
    // The run is recorded once it has ended, in the transaction of its outcome.
    const run = { spec, round, lead, startedAt: this.clock.now() };
    let input: GateInput;
    try {
      // The analysis and the count of its population: two statements at once.
      const population = await this.gate.populationCheck(spec, table);
      const [rows, counted] = await Promise.all([
        this.runner.run(kind.local(params, table, state)),
        population.query ? this.runner.run(population.query) : [],
      ]);
      input = {
        contribution: kind.read(params, rows, state),
        evidence: kind.evidence?.(params, rows, state),
        population: population.read(counted),
      };
    } catch (error) {
      const reason =
        error instanceof DomainError
          ? error.message
          : `the database refused the analysis (SQLSTATE ${(error as { code?: string }).code ?? 'unknown'})`;
      this.logger.error(`Job ${spec.jobId} failed here: ${reason}`);
      await this.unitOfWork.run((tx) =>
        this.runs.record(run, { failed: reason }, this.clock.now(), tx),
      );
      throw new DomainError(
        'ANALYSIS.FAILED',
        `${this.node.id} could not run job ${spec.jobId}: ${reason}`,
      );
    }
    return this.unitOfWork.run(async (tx) => {
      const decision: GateDecision = await this.gate.pass({ spec, round, lead }, kind, input, tx);
      await this.runs.record(run, { decision }, this.clock.now(), tx);
      return decision;
    });
  }
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/** The lead's state for this round, checked against the kind's schema; none for one-round kinds. */
function roundState(kind: AnyAnalysisKind, request: RunJobRequest): unknown {
  if (!kind.rounds) {
    if (request.round !== 1 || (request.state !== undefined && request.state !== null)) {
      throw new DomainError('REQUEST.INVALID', `${kind.name} runs in one round, without a state`);
    }
    return undefined;
  }
  if (request.round > kind.rounds.maxRounds) {
    throw new DomainError(
      'REQUEST.INVALID',
      `${kind.name} takes at most ${kind.rounds.maxRounds} rounds`,
    );
  }
  const parsed = kind.rounds.state.safeParse(request.state);
  if (!parsed.success) {
    throw new DomainError(
      'REQUEST.INVALID',
      `The state of round ${request.round} is not a ${kind.name} state`,
    );
  }
  return parsed.data;
}

function parseSpec(request: RunJobRequest): JobSpec {
  let json: unknown;
  try {
    json = JSON.parse(request.specJson);
  } catch {
    throw new DomainError('REQUEST.INVALID', 'The job specification is not JSON');
  }
  const parsed = jobSpecSchema.safeParse(json);
  if (!parsed.success || canonicalJson(json) !== request.specJson) {
    throw new DomainError('REQUEST.INVALID', 'The job specification is not a canonical job');
  }
  if (parsed.data.jobId !== request.jobId) {
    throw new DomainError('REQUEST.INVALID', 'The job specification names another job');
  }
  return parsed.data;
}

/** The hash the submitter assertion binds: SHA-256 of the canonical specification, base64url. */
export function specHashOf(specJson: string): string {
  return createHash('sha256').update(specJson, 'utf8').digest('base64url');
}
