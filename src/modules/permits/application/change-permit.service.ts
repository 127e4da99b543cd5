import { Injectable, Logger } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditActor } from '../../audit/domain/audit-entry';
import { AuditService } from '../../audit/application/audit.service';
import { Person, personId } from '../../identity/domain/person';
import { participantsOf } from '../domain/permit';
import { PermitChange, statusAfter, TARGET } from '../domain/permit-change';
import { notFound } from './decide-application.service';
import { PermitPeers } from './permit-peers.port';
import { PermitRecord, PermitRepository } from './permit-repository.port';
import { PermitStagesService } from './permit-stages.service';

/**
 * Suspension, resumption and revocation of a permit by any participating
 * HDAB (EHDS Art 63): applied here, then at every other participant at once.
 */
@Injectable()
export class ChangePermitService {
  private readonly logger = new Logger(ChangePermitService.name);

  constructor(
    private readonly permits: PermitRepository,
    private readonly peers: PermitPeers,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly stages: PermitStagesService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  /** An hdab-admin of this node changes the permit for all participants. */
  async change(
    admin: Person,
    permitId: string,
    change: PermitChange,
    reason: string,
  ): Promise<{ permit: PermitRecord; notTold: string[] }> {
    const permit = await this.apply(permitId, change, reason, {
      kind: 'user',
      id: personId(admin),
    });
    const others = participantsOf(permit.application).filter((n) => n !== this.node.id);
    const results = await Promise.all(
      others.map((node) =>
        this.peers.changeStatus(node, permitId, change, reason).then(
          () => undefined,
          (error: unknown) => {
            this.logger.error(
              `${node} was not told to ${change} permit ${permitId}: ${(error as Error).message}`,
            );
            return node;
          },
        ),
      ),
    );
    return {
      permit: (await this.permits.get(permitId))!,
      notTold: results.filter((n): n is string => !!n),
    };
  }

  /** Another participant changed the permit; this node follows. */
  async follow(
    peerId: string,
    permitId: string,
    change: PermitChange,
    reason: string,
  ): Promise<void> {
    const permit = await this.permits.get(permitId);
    if (!permit) throw notFound(permitId);
    if (!participantsOf(permit.application).includes(peerId)) {
      throw new DomainError(
        'REQUEST.FORBIDDEN',
        `${peerId} does not take part in permit ${permitId}`,
      );
    }
    if (permit.status === TARGET[change]) return;
    await this.apply(permitId, change, reason, { kind: 'peer', id: peerId });
  }

  private async apply(
    permitId: string,
    change: PermitChange,
    reason: string,
    actor: AuditActor,
  ): Promise<PermitRecord> {
    const permit = await this.unitOfWork.run(async (tx) => {
      const permit = await this.permits.get(permitId, tx);
      if (!permit || !participantsOf(permit.application).includes(this.node.id))
        throw notFound(permitId);
      const to = statusAfter(change, permit.status);
      if (!(await this.permits.move(permitId, permit.status, to, this.clock.now(), tx))) {
        throw new DomainError('PERMIT.STALE', `Permit ${permitId} changed meanwhile; try again`);
      }
      await this.audit.record(
        {
          channel: actor.kind === 'peer' ? 'grpc' : 'internal',
          actor,
          action: `permit.${change.toLowerCase()}`,
          permitId,
          outcome: 'success',
          details: { from: permit.status, to, reason },
        },
        tx,
      );
      return permit;
    });
    if (TARGET[change] === 'ARCHIVED') this.stages.announceArchived(permitId);
    return permit;
  }
}
