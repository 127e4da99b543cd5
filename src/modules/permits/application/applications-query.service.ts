import { Injectable } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Person, rolesAt } from '../../identity/domain/person';
import { participantsOf } from '../domain/permit';
import { notFound, DecideApplicationService } from './decide-application.service';
import { LodgeApplicationService } from './lodge-application.service';
import { CompleteApplicationService } from './complete-application.service';
import { PermitRecord, PermitRepository } from './permit-repository.port';

/**
 * Reading applications and permits: HDAB staff see every application their
 * node takes part in; a researcher sees those they lodged or are named in.
 * Reading also retries what did not get through (a delivery, a decision, a
 * conclusion), so nothing waits on a node that was down.
 */
@Injectable()
export class ApplicationsQueryService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly lodging: LodgeApplicationService,
    private readonly deciding: DecideApplicationService,
    private readonly completing: CompleteApplicationService,
    private readonly node: NodeConfig,
  ) {}

  async list(person: Person, options: { pendingOnly: boolean }): Promise<PermitRecord[]> {
    if (isHdabStaff(person, this.node.id)) {
      return options.pendingOnly
        ? this.permits.list({ pendingAt: this.node.id })
        : this.permits.listAll();
    }
    return this.permits.list({ person: { issuer: person.issuer, subject: person.subject } });
  }

  async get(person: Person, permitId: string): Promise<PermitRecord> {
    const permit = await this.permits.get(permitId);
    if (!permit || !this.maySee(person, permit)) throw notFound(permitId);
    await this.catchUp(permit);
    return (await this.permits.get(permitId))!;
  }

  /** The public register (EHDS Art 57): no applicant, no users, no reasons. */
  async register(): Promise<PermitRecord[]> {
    return this.permits.listAll();
  }

  private maySee(person: Person, permit: PermitRecord): boolean {
    if (isHdabStaff(person, this.node.id)) return true;
    const { applicant, users } = permit.application;
    const same = (u: { issuer: string; subject: string }) =>
      u.issuer === person.issuer && u.subject === person.subject;
    return same(applicant) || users.some(same);
  }

  private async catchUp(permit: PermitRecord): Promise<void> {
    if (permit.status !== 'REQUESTED') return;
    const { application } = permit;
    if (application.lead === this.node.id) {
      if (await this.completing.lapseIfOverdue(permit)) return;
      const undelivered = participantsOf(application).filter((n) => !permit.delivered[n]);
      if (undelivered.length > 0) {
        const copy = {
          application,
          version: permit.applicationVersion,
          decisionDueAt: permit.decisionDueAt,
        };
        await this.lodging.deliver(copy, undelivered);
      }
      await this.deciding.conclude(application.id).catch(() => undefined);
      return;
    }
    const own = permit.decisions.find((d) => d.node === this.node.id);
    if (own && own.outcome !== 'PENDING' && !permit.delivered[this.node.id]) {
      await this.deciding.report(application.lead, {
        permitId: application.id,
        outcome: own.outcome,
        reason: own.reason,
        decidedAt: own.decidedAt!,
      });
    }
  }
}

function isHdabStaff(person: Person, nodeId: string): boolean {
  return rolesAt(person, nodeId).some((r) => r === 'hdab-reviewer' || r === 'hdab-admin');
}
