import { Injectable, Logger } from '@nestjs/common';
import { LifecycleConfig, NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { AuditActor } from '../../audit/domain/audit-entry';
import { Person, personId } from '../../identity/domain/person';
import { PermitJobsService } from '../../jobs/application/permit-jobs.service';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { participantsOf, PermitStatus } from '../../permits/domain/permit';
import { move } from '../../permits/domain/permit.machine';
import { WorkspacesService } from '../../workspaces/application/workspaces.service';
import {
  ArchiveReason,
  LIVE_STATUSES,
  LifecycleAction,
  LifecycleFacts,
  LifecyclePolicy,
} from '../domain/lifecycle';
import { plan } from '../domain/lifecycle.planner';
import { DestructionService } from './destruction.service';
import { ExtensionRepository } from './extension-repository.port';
import { ExtensionLeadService } from './extension-lead.service';
import { ExtensionService } from './extension.service';
import { factsOf } from './lifecycle-facts';
import { LifecyclePeers } from './lifecycle-peers.port';
import { LifecycleRepository } from './lifecycle-repository.port';

const SYSTEM = { kind: 'system' } as const;

/** How an action ended: done, nothing left to do, or left to another replica holding the permit. */
export type ActionOutcome = 'done' | 'nothing' | 'busy';

/**
 * The end of a permit on schedule. Each tick asks the pure planner what is
 * due and applies each action in transactions that first lock the permit's
 * row (SKIP LOCKED: a permit another replica is working on is left to it),
 * then re-check under the lock, so an action is applied once and a crash
 * part-way is finished by the next tick.
 */
@Injectable()
export class LifecycleService {
  private readonly logger = new Logger(LifecycleService.name);

  constructor(
    private readonly stages: PermitStagesService,
    private readonly workspaces: WorkspacesService,
    private readonly jobs: PermitJobsService,
    private readonly destruction: DestructionService,
    private readonly extending: ExtensionService,
    private readonly leading: ExtensionLeadService,
    private readonly extensions: ExtensionRepository,
    private readonly repository: LifecycleRepository,
    private readonly peers: LifecyclePeers,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
    private readonly config: LifecycleConfig,
  ) {}

  get policy(): LifecyclePolicy {
    return { node: this.node.id, destroyAfterMonths: this.config.destroyAfterMonths };
  }

  /** One run of the scheduler: the actions planned, each with how it ended. */
  async tick(): Promise<{ action: LifecycleAction; outcome: ActionOutcome | 'failed' }[]> {
    const actions = plan(this.clock.now(), await this.facts(), this.policy);
    const applied: { action: LifecycleAction; outcome: ActionOutcome | 'failed' }[] = [];
    for (const action of actions) {
      try {
        applied.push({ action, outcome: await this.apply(action) });
      } catch (error) {
        this.logger.error(
          `${action.kind} of permit ${action.permitId} failed; the next tick tries again: ${(error as Error).message}`,
        );
        applied.push({ action, outcome: 'failed' });
      }
    }
    return applied;
  }

  /** What the planner knows of every granted permit here. */
  async facts(): Promise<LifecycleFacts[]> {
    const permits = await this.stages.inStatus([...LIVE_STATUSES, 'ARCHIVED', 'DESTROYED']);
    const ids = permits.map((p) => p.application.id);
    const states = await this.repository.statesOf(ids);
    const extensions = await this.extensions.latestOf(ids);
    return permits.map((p) =>
      factsOf(p, states.get(p.application.id), extensions.get(p.application.id), this.node.id),
    );
  }

  private async apply(action: LifecycleAction): Promise<ActionOutcome> {
    switch (action.kind) {
      case 'ARCHIVE':
        return this.archive(action.permitId, action.reason, SYSTEM);
      case 'TELL_ARCHIVED':
        return (await this.tellClosed(action.permitId, action.nodes)).length > 0
          ? 'nothing'
          : 'done';
      case 'DESTROY':
        return this.destruction.destroy(action.permitId);
      case 'DELIVER_RECORD':
        return this.destruction.deliver(action.permitId, action.lead);
      case 'SEND_EXTENSION':
        return (await this.leading.send(action.extensionId)) ? 'done' : 'nothing';
      case 'REPORT_EXTENSION':
        await this.extending.report(action.extensionId, action.lead);
        return 'done';
    }
  }

  /**
   * Archives the permit here in one transaction with its audit entries:
   * the move to ARCHIVED (unless a revocation made it), the workspace made
   * read-only, the permit's running jobs cancelled. Released results stay
   * readable. An expiry is re-checked under the lock.
   */
  async archive(
    permitId: string,
    reason: ArchiveReason,
    actor: AuditActor,
    note?: string,
  ): Promise<ActionOutcome> {
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const permit = await this.stages.claim(permitId, tx);
      if (!permit) return 'busy';
      if (await this.repository.archival(permitId, tx)) return 'nothing';
      let applied = reason;
      if (LIVE_STATUSES.includes(permit.status)) {
        const expired = permit.validUntil !== undefined && now >= new Date(permit.validUntil);
        if (reason === 'REVOKED' || (reason === 'EXPIRED' && !expired)) return 'nothing';
        await this.stages.move(permitId, permit.status, 'ARCHIVED', actor, tx, { reason, note });
      } else if (permit.status === 'ARCHIVED') {
        // Moved by a change, not by the lifecycle: that is a revocation.
        applied = 'REVOKED';
      } else {
        return 'nothing';
      }
      const readOnly = await this.workspaces.archive(permitId, now, tx);
      const cancelled = await this.jobs.cancelRunning(
        permitId,
        `the permit was archived (${applied.toLowerCase()})`,
        now,
        tx,
      );
      const untold =
        applied === 'CLOSED' && permit.application.lead === this.node.id
          ? participantsOf(permit.application).filter((n) => n !== this.node.id)
          : [];
      await this.repository.saveArchival(
        permitId,
        { reason: applied, appliedAt: now, jobsCancelled: cancelled, untold },
        tx,
      );
      // An extension still being decided lapses: after archival there is no way back.
      await this.extensions.lapse(permitId, now, tx);
      await this.audit.record(
        {
          channel: actor.kind === 'peer' ? 'grpc' : 'internal',
          actor,
          action: 'lifecycle.archive',
          permitId,
          outcome: 'success',
          details: { reason: applied, workspaceReadOnly: readOnly, jobsCancelled: cancelled },
        },
        tx,
      );
      return 'done';
    });
  }

  /** An hdab-admin of the lead closes the permit before its end, for every participant. */
  async close(
    admin: Person,
    permitId: string,
    reason: string,
  ): Promise<{ status: PermitStatus; notYetTold: string[] }> {
    const { record, payload } = await this.stages.granted(permitId, { anyTime: true });
    if (payload.lead !== this.node.id) {
      throw new DomainError(
        'REQUEST.FORBIDDEN',
        `Permit ${permitId} is closed at its lead, ${payload.lead}`,
        { lead: payload.lead },
      );
    }
    move(record.status, 'ARCHIVED');
    const outcome = await this.archive(
      permitId,
      'CLOSED',
      { kind: 'user', id: personId(admin) },
      reason,
    );
    if (outcome !== 'done') {
      throw new DomainError('PERMIT.STALE', `Permit ${permitId} changed meanwhile; try again`);
    }
    const notYetTold = await this.tellClosed(permitId, undefined, reason);
    return { status: 'ARCHIVED', notYetTold };
  }

  /** At a participant: the lead closed the permit. */
  async closedByLead(peerId: string, permitId: string, reason: string): Promise<void> {
    const { payload } = await this.stages.granted(permitId, { anyTime: true });
    if (payload.lead !== peerId) {
      throw new DomainError('REQUEST.FORBIDDEN', `${peerId} does not lead permit ${permitId}`);
    }
    if ((await this.archive(permitId, 'CLOSED', { kind: 'peer', id: peerId }, reason)) === 'busy') {
      throw new DomainError('PERMIT.STALE', `Permit ${permitId} is being changed here; try again`);
    }
  }

  /** At the lead: tells the participants not yet told of a closure; returns those still not told. */
  private async tellClosed(
    permitId: string,
    nodes?: readonly string[],
    reason = 'closed by the lead',
  ): Promise<string[]> {
    const archival = await this.repository.archival(permitId);
    const untold = (nodes ?? archival?.untold ?? []).filter((n) => archival?.untold.includes(n));
    const results = await Promise.all(
      untold.map(async (node) => {
        try {
          await this.peers.close(node, permitId, reason);
          await this.repository.markTold(permitId, node);
          return undefined;
        } catch (error) {
          this.logger.warn(
            `${node} not yet told ${permitId} is closed: ${(error as Error).message}`,
          );
          return node;
        }
      }),
    );
    return results.filter((n): n is string => n !== undefined);
  }
}
