import { Injectable } from '@nestjs/common';
import { UseConfig } from '../../../config/app-config';
import { Transaction } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import type { AnyAnalysisKind } from '../../analysis/domain/analysis-kind';
import { GateDecision, gateDecision } from '../domain/output-gate.rules';

/**
 * The one place where a contribution can leave this node: every
 * contribution passes the node's output checks here, and the decision is
 * audited in the caller's transaction. Only what this returns as RELEASED
 * may be sent.
 */
@Injectable()
export class OutputGate {
  constructor(
    private readonly audit: AuditService,
    private readonly config: UseConfig,
  ) {}

  async pass(
    run: { readonly jobId: string; readonly permitId: string },
    kind: AnyAnalysisKind,
    contribution: unknown,
    tx: Transaction,
  ): Promise<GateDecision> {
    const rules = { minCount: this.config.minCount };
    const releasable = kind.suppress(contribution, rules);
    const decision = gateDecision(
      kind.check(releasable, rules),
      releasable,
      kind.persons(releasable),
    );
    await this.audit.record(
      {
        channel: 'internal',
        actor: { kind: 'system' },
        action: decision.outcome === 'RELEASED' ? 'output.release' : 'output.block',
        permitId: run.permitId,
        outcome: 'success',
        details: {
          jobId: run.jobId,
          kind: kind.name,
          ...(decision.outcome === 'BLOCKED' ? { findings: decision.findings } : {}),
        },
      },
      tx,
    );
    return decision;
  }
}
