import { Injectable, Logger } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { Transaction } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { AuditActor } from '../../audit/domain/audit-entry';
import { participantsOf, PermitStatus } from '../domain/permit';
import { PermitPayload } from '../domain/permit-payload';
import { move } from '../domain/permit.machine';
import { PermitRecord, PermitRepository } from './permit-repository.port';
import { PermitVerifier } from './permit-verifier';

/** A granted permit as this node holds it, with its verified payload. */
export interface GrantedPermit {
  readonly record: PermitRecord;
  readonly payload: PermitPayload;
}

type PermitListener = (permitId: string) => void;

/**
 * The stages after the grant, for the modules that run them (workspaces,
 * jobs): reading granted permits, moving them along the state machine with
 * their audit entry, and hearing of each new grant.
 */
@Injectable()
export class PermitStagesService {
  private readonly logger = new Logger(PermitStagesService.name);
  private readonly listeners: PermitListener[] = [];
  private readonly archiveListeners: PermitListener[] = [];

  constructor(
    private readonly permits: PermitRepository,
    private readonly verifier: PermitVerifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  onGranted(listener: PermitListener): void {
    this.listeners.push(listener);
  }

  /** Called once a grant has committed at this node. */
  announceGrant(permitId: string): void {
    this.tell(this.listeners, permitId);
  }

  /** Hears of each permit archived here by a change (revocation) rather than by the lifecycle itself. */
  onArchived(listener: PermitListener): void {
    this.archiveListeners.push(listener);
  }

  /** Called once a move to ARCHIVED has committed at this node. */
  announceArchived(permitId: string): void {
    this.tell(this.archiveListeners, permitId);
  }

  private tell(listeners: readonly PermitListener[], permitId: string): void {
    for (const listener of listeners) {
      try {
        listener(permitId);
      } catch (error) {
        this.logger.error(`A permit listener failed: ${(error as Error).message}`);
      }
    }
  }

  /**
   * The permit as it stands, its row locked for the rest of `tx`; undefined
   * when another transaction (another replica) holds it.
   */
  async claim(permitId: string, tx: Transaction): Promise<PermitRecord | undefined> {
    if (!(await this.permits.claim(permitId, tx))) return undefined;
    return this.permits.get(permitId, tx);
  }

  /**
   * A permit of this node that has been granted, checked by the one
   * verification function; within its validity window unless `anyTime`.
   */
  async granted(
    permitId: string,
    options: { tx?: Transaction; anyTime?: boolean } = {},
  ): Promise<GrantedPermit> {
    const record = await this.permits.get(permitId, options.tx);
    if (!record || !participantsOf(record.application).includes(this.node.id)) {
      throw new DomainError('PERMIT.NOT_FOUND', `No permit ${permitId} at this node`);
    }
    if (!record.jws) {
      throw new DomainError('PERMIT.NOT_ACTIVE', `Permit ${permitId} is ${record.status}`);
    }
    const payload = await this.verifier.verify(record.jws, {
      now: options.anyTime ? 'any-time' : this.clock.now(),
      forNode: this.node.id,
    });
    return { record, payload };
  }

  async inStatus(statuses: readonly PermitStatus[]): Promise<PermitRecord[]> {
    return this.permits.listInStatus(statuses);
  }

  /** The guarded move with its audit entry; false when the permit was not `from` any more. */
  async move(
    permitId: string,
    from: PermitStatus,
    to: PermitStatus,
    actor: AuditActor,
    tx: Transaction,
    details?: Record<string, unknown>,
  ): Promise<boolean> {
    const moved = await this.permits.move(permitId, from, move(from, to), this.clock.now(), tx);
    if (moved) {
      await this.audit.record(
        {
          channel: actor.kind === 'peer' ? 'grpc' : 'internal',
          actor,
          action: `permit.${to.toLowerCase()}`,
          permitId,
          outcome: 'success',
          details: { from, to, ...details },
        },
        tx,
      );
    }
    return moved;
  }
}
