import { Injectable } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { Person, rolesAt } from '../../identity/domain/person';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { DestructionRecord } from '../domain/destruction-record';
import { LIVE_STATUSES } from '../domain/lifecycle';
import { destroyDueAt, nextEvent } from '../domain/lifecycle.planner';
import { DestructionService } from './destruction.service';
import { factsOf } from './lifecycle-facts';
import { LifecycleRepository } from './lifecycle-repository.port';
import { LifecycleService } from './lifecycle.service';
import { ExtensionRepository } from './extension-repository.port';
import { Extension } from '../domain/extension';

/** An extension as people see it: the decisions without their signatures. */
export function extensionView(e: Extension) {
  return {
    id: e.id,
    permitId: e.permitId,
    status: e.status,
    validUntil: e.validUntil,
    previousValidUntil: e.previousValidUntil,
    reason: e.reason,
    requestedAt: e.requestedAt,
    decisions: Object.entries(e.decisions)
      .map(([node, d]) => ({ node, outcome: d.outcome, reason: d.reason, decidedAt: d.decidedAt }))
      .sort((a, b) => (a.node < b.node ? -1 : 1)),
  };
}

/** What operators, auditors and the permit's users see of the end of permits. */
@Injectable()
export class LifecycleQueryService {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly destruction: DestructionService,
    private readonly stages: PermitStagesService,
    private readonly repository: LifecycleRepository,
    private readonly extensions: ExtensionRepository,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  /** Every granted permit here with its next lifecycle event and when, soonest first. */
  async overview() {
    const now = this.clock.now();
    const permits = await this.stages.inStatus([...LIVE_STATUSES, 'ARCHIVED', 'DESTROYED']);
    const facts = await this.lifecycle.facts();
    return facts
      .map((f) => {
        const permit = permits.find((p) => p.application.id === f.permitId)!;
        return {
          permitId: f.permitId,
          title: permit.application.title,
          status: f.status,
          lead: f.lead,
          validUntil: f.validUntil,
          archivedAt: f.archivedAt,
          destroyedAt: permit.destroyedAt,
          next: nextEvent(now, f, this.lifecycle.policy) ?? null,
        };
      })
      .sort((a, b) => {
        const at = (n: typeof a.next) => (n && 'at' in n ? n.at : '~');
        return at(a.next) < at(b.next) ? -1 : at(a.next) > at(b.next) ? 1 : 0;
      });
  }

  /**
   * One permit's end: its window, archival and destruction here, the next
   * event and, at the lead, every participant's destruction record. HDAB
   * staff and auditors see the signed records; the permit's users see who
   * destroyed when.
   */
  async permit(person: Person, permitId: string) {
    const { record: permit, payload } = await this.stages.granted(permitId, { anyTime: true });
    const roles = rolesAt(person, this.node.id);
    const staff = roles.some((r) => r !== 'researcher');
    const named = payload.users.some(
      (u) => u.issuer === person.issuer && u.subject === person.subject,
    );
    if (!staff && !named) {
      throw new DomainError('PERMIT.NOT_FOUND', `No permit ${permitId} for you at this node`);
    }
    const now = this.clock.now();
    const states = await this.repository.statesOf([permitId]);
    const state = states.get(permitId);
    const extension = await this.extensions.latest(permitId);
    const facts = factsOf(permit, state, extension, this.node.id);
    const policy = this.lifecycle.policy;
    const here = state?.destruction;
    const collected =
      payload.lead === this.node.id ? await this.repository.collected(permitId) : undefined;
    const records =
      collected &&
      (await Promise.all(
        payload.participants.map(async (node) => {
          const kept = collected.find((c) => c.node === node);
          if (!kept) return { node, destroyed: false };
          const content: DestructionRecord = await this.destruction.verify(kept.record, node);
          return {
            node,
            destroyed: true,
            destroyedAt: content.destroyedAt,
            ...(staff ? { record: kept.record, content, verified: true } : {}),
          };
        }),
      ));
    return {
      permitId,
      node: this.node.id,
      status: permit.status,
      lead: payload.lead,
      participants: payload.participants,
      validFrom: payload.validFrom,
      validUntil: permit.validUntil ?? payload.validUntil,
      archivedAt: permit.archivedAt,
      archiveReason: state?.archival?.reason,
      destroyAfterMonths: policy.destroyAfterMonths,
      destroyDueAt: permit.archivedAt
        ? destroyDueAt(permit.archivedAt, policy).toISOString()
        : undefined,
      destroyedAt: permit.destroyedAt,
      next: nextEvent(now, facts, policy) ?? null,
      ...(here && staff
        ? {
            destruction: {
              destroyedAt: here.destroyedAt.toISOString(),
              record: here.record,
              deliveredAt: here.deliveredAt?.toISOString(),
            },
          }
        : {}),
      ...(records ? { records } : {}),
      ...(extension ? { extension: extensionView(extension) } : {}),
    };
  }
}
