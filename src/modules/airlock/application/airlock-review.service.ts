import { Injectable } from '@nestjs/common';
import { UseConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { Person, personId } from '../../identity/domain/person';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { afterReview, assertMayReview } from '../domain/airlock.rules';
import { HeldOutput, HeldState, Review } from '../domain/held-output';
import { AirlockRepository } from './airlock-repository.port';
import { AirlockDecisions } from './airlock-decisions';
import { OutputGate } from './output-gate.service';

/**
 * This node's reviewers at the airlock: they list the held outputs, see
 * each with its checks and its job, and release or reject it with a reason.
 * Each review, and the decision it brings, is audited with the reviewer in
 * the same transaction. A decided output is then delivered to the lead.
 */
@Injectable()
export class AirlockReviewService {
  constructor(
    private readonly airlock: AirlockRepository,
    private readonly decisions: AirlockDecisions,
    private readonly gate: OutputGate,
    private readonly stages: PermitStagesService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: UseConfig,
  ) {}

  list(state?: HeldState): Promise<HeldOutput[]> {
    return this.airlock.list(state);
  }

  async get(id: string): Promise<HeldOutput> {
    const output = await this.airlock.get(id);
    if (!output) throw new DomainError('AIRLOCK.NOT_FOUND', `No output ${id} at this node`);
    return output;
  }

  async review(
    person: Person,
    id: string,
    decision: Review['decision'],
    reason: string,
  ): Promise<HeldOutput> {
    const reviewer = { issuer: person.issuer, subject: person.subject };
    const decided = await this.unitOfWork.run(async (tx) => {
      const output = await this.airlock.get(id, tx);
      if (!output) throw new DomainError('AIRLOCK.NOT_FOUND', `No output ${id} at this node`);
      assertMayReview(output, reviewer);
      if (decision === 'RELEASE') {
        const { record } = await this.stages.granted(output.permitId, { tx, anyTime: true });
        if (record.status !== 'ACTIVE') {
          throw new DomainError(
            'PERMIT.NOT_ACTIVE',
            `Permit ${output.permitId} is ${record.status}: nothing of it is released any more`,
          );
        }
      }
      const now = this.clock.now();
      const review: Review = { reviewer, decision, reason, reviewedAt: now };
      await this.airlock.addReview(id, review, tx);
      const state = afterReview([...output.reviews, review], this.config.airlock.releaseReviewers);
      if (state !== 'AWAITING_REVIEW' && !(await this.airlock.decide(id, state, reason, now, tx))) {
        throw new DomainError('AIRLOCK.DECIDED', `Output ${id} was decided meanwhile`);
      }
      const actor = { kind: 'user' as const, id: personId(person), role: 'hdab-reviewer' };
      const details = { outputId: id, jobId: output.jobId, round: output.round, reason };
      await this.audit.record(
        {
          channel: 'http',
          actor,
          action: decision === 'RELEASE' ? 'airlock.review.release' : 'airlock.review.reject',
          permitId: output.permitId,
          outcome: 'success',
          details: { ...details, state },
        },
        tx,
      );
      if (state === 'RELEASED') await this.gate.rememberPopulation(output.spec, tx);
      if (state !== 'AWAITING_REVIEW') {
        await this.audit.record(
          {
            channel: 'http',
            actor,
            action: state === 'RELEASED' ? 'output.release' : 'output.reject',
            permitId: output.permitId,
            outcome: 'success',
            details: {
              ...details,
              reviewers: [...output.reviews, review].map((r) => personId(r.reviewer)),
            },
          },
          tx,
        );
      }
      return state !== 'AWAITING_REVIEW';
    });
    if (decided) this.decisions.decided(id);
    return this.get(id);
  }
}
