import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UseConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { Transaction } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import type { AnyAnalysisKind } from '../../analysis/domain/analysis-kind';
import type { JobSpec } from '../../jobs/domain/job';
import { deliveryOf } from '../domain/airlock.rules';
import {
  GateDecision,
  gateDecision,
  graded,
  outputStatus,
  publicFindings,
} from '../domain/output-gate.rules';
import { AirlockRepository } from './airlock-repository.port';

/**
 * The one place where a contribution can leave this node: every
 * contribution passes the node's output checks here. What passes leaves at
 * once (if the node's policy allows); what does not waits in the airlock
 * for this node's reviewers, or is blocked outright. The checks and the
 * decision are audited in the caller's transaction. Only what this returns
 * as RELEASED, or what a reviewer releases, may be sent.
 */
@Injectable()
export class OutputGate {
  constructor(
    private readonly audit: AuditService,
    private readonly airlock: AirlockRepository,
    private readonly clock: Clock,
    private readonly config: UseConfig,
  ) {}

  async pass(
    run: { readonly spec: JobSpec; readonly round: number; readonly lead: string },
    kind: AnyAnalysisKind,
    contribution: unknown,
    tx: Transaction,
  ): Promise<GateDecision> {
    const rules = { minCount: this.config.minCount };
    const releasable = kind.suppress(contribution, rules);
    const findings = graded(kind.check(releasable, rules));
    const persons = kind.persons(releasable);
    const decision = gateDecision(findings, releasable, persons, this.config.airlock);
    let outputId: string | undefined;
    if (decision.outcome === 'AWAITING_REVIEW') {
      outputId = randomUUID();
      await this.airlock.hold(
        {
          id: outputId,
          jobId: run.spec.jobId,
          round: run.round,
          permitId: run.spec.permitId,
          lead: run.lead,
          spec: run.spec,
          contribution: releasable,
          persons,
          findings,
          status: outputStatus(findings),
          heldAt: this.clock.now(),
        },
        tx,
      );
    }
    await this.audit.record(
      {
        channel: 'internal',
        actor: { kind: 'system' },
        action: ACTIONS[decision.outcome],
        permitId: run.spec.permitId,
        outcome: 'success',
        details: {
          jobId: run.spec.jobId,
          round: run.round,
          kind: kind.name,
          status: outputStatus(findings),
          findings: publicFindings(findings),
          ...(outputId && { outputId }),
        },
      },
      tx,
    );
    return decision;
  }

  /** The decision for a run held in the airlock, as it stands now; undefined if none was held. */
  async current(jobId: string, round: number): Promise<GateDecision | undefined> {
    const held = await this.airlock.forRun(jobId, round);
    if (!held) return undefined;
    return held.state === 'AWAITING_REVIEW'
      ? { outcome: 'AWAITING_REVIEW', findings: publicFindings(held.findings) }
      : deliveryOf(held);
  }
}

const ACTIONS = {
  RELEASED: 'output.release',
  AWAITING_REVIEW: 'output.hold',
  BLOCKED: 'output.block',
} as const;
