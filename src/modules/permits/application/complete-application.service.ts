import { Injectable } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { Person, personId } from '../../identity/domain/person';
import { participantsOf } from '../domain/permit';
import { completionDueAt, decisionDueAt } from '../domain/permit.rules';
import { DecideApplicationService, notFound } from './decide-application.service';
import {
  applicationFrom,
  ApplicationInput,
  LodgeApplicationService,
} from './lodge-application.service';
import { PermitRecord, PermitRepository } from './permit-repository.port';

/**
 * Completeness (EHDS Art 68(4)): the lead HDAB may find an application
 * incomplete; the applicant then has four weeks to complete it, after which
 * it is deemed withdrawn. Completing restarts the three-month decision clock
 * and every HDAB decides again. The applicant may also withdraw.
 */
@Injectable()
export class CompleteApplicationService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly lodging: LodgeApplicationService,
    private readonly deciding: DecideApplicationService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  async requestCompletion(
    reviewer: Person,
    permitId: string,
    missing: readonly string[],
  ): Promise<PermitRecord> {
    const now = this.clock.now();
    const permit = await this.atLead(permitId);
    if (permit.status !== 'REQUESTED') throw notOpen(permit);
    await this.unitOfWork.run(async (tx) => {
      const completion = {
        missing,
        requestedBy: this.node.id,
        requestedAt: now.toISOString(),
        dueAt: completionDueAt(now).toISOString(),
      };
      if (!(await this.permits.requestCompletion(permitId, completion, tx))) {
        throw new DomainError(
          'DECISION.NOT_PENDING',
          `Application ${permitId} already awaits completion`,
        );
      }
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'user', id: personId(reviewer) },
          action: 'application.request-completion',
          permitId,
          outcome: 'success',
          details: { missing: missing.length },
        },
        tx,
      );
    });
    return (await this.permits.get(permitId))!;
  }

  async complete(
    applicant: Person,
    permitId: string,
    input: ApplicationInput,
  ): Promise<PermitRecord> {
    const permit = await this.ofApplicant(applicant, permitId);
    if (!permit.completion)
      throw new DomainError('DECISION.NOT_PENDING', `Application ${permitId} awaits no completion`);
    if (await this.lapseIfOverdue(permit)) throw notOpen({ ...permit, status: 'WITHDRAWN' });
    await this.lodging.check(input);
    const now = this.clock.now();
    const application = applicationFrom(input, {
      id: permitId,
      lead: this.node.id,
      applicant,
      receivedAt: permit.application.receivedAt,
    });
    const copy = {
      application,
      version: permit.applicationVersion + 1,
      decisionDueAt: decisionDueAt(now).toISOString(),
    };
    await this.unitOfWork.run(async (tx) => {
      if (
        !(await this.permits.replaceApplication(
          application,
          copy.version,
          copy.decisionDueAt,
          now,
          tx,
        ))
      ) {
        throw new DomainError(
          'PERMIT.STALE',
          `Application ${permitId} changed meanwhile; try again`,
        );
      }
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'user', id: personId(applicant) },
          action: 'application.complete',
          permitId,
          outcome: 'success',
          details: { version: copy.version },
        },
        tx,
      );
    });
    await this.lodging.deliver(copy, participantsOf(application));
    return (await this.permits.get(permitId))!;
  }

  async withdraw(applicant: Person, permitId: string): Promise<PermitRecord> {
    const permit = await this.ofApplicant(applicant, permitId);
    if (permit.status !== 'REQUESTED') throw notOpen(permit);
    await this.endAsWithdrawn(permit, 'withdrawn by the applicant');
    return (await this.permits.get(permitId))!;
  }

  /** At the lead: an application not completed within four weeks is deemed withdrawn. */
  async lapseIfOverdue(permit: PermitRecord): Promise<boolean> {
    if (permit.status !== 'REQUESTED' || !permit.completion) return false;
    if (this.clock.now() <= new Date(permit.completion.dueAt)) return false;
    await this.endAsWithdrawn(permit, 'not completed within four weeks (EHDS Art 68(4))');
    return true;
  }

  private async endAsWithdrawn(permit: PermitRecord, reason: string): Promise<void> {
    if (await this.deciding.end(permit.application.id, 'WITHDRAWN', { reason })) {
      await this.deciding.tell(permit, {
        permitId: permit.application.id,
        outcome: 'WITHDRAWN',
        reasons: [reason],
      });
    }
  }

  private async atLead(permitId: string): Promise<PermitRecord> {
    const permit = await this.permits.get(permitId);
    if (!permit) throw notFound(permitId);
    if (permit.application.lead !== this.node.id) {
      throw new DomainError(
        'REQUEST.FORBIDDEN',
        `Application ${permitId} is handled at its lead node ${permit.application.lead}`,
      );
    }
    return permit;
  }

  private async ofApplicant(applicant: Person, permitId: string): Promise<PermitRecord> {
    const permit = await this.atLead(permitId);
    const { issuer, subject } = permit.application.applicant;
    if (issuer !== applicant.issuer || subject !== applicant.subject) throw notFound(permitId);
    return permit;
  }
}

function notOpen(permit: Pick<PermitRecord, 'status' | 'application'>): DomainError {
  return new DomainError(
    'DECISION.NOT_PENDING',
    `Application ${permit.application.id} is ${permit.status}`,
  );
}
