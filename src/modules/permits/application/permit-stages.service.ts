import { Injectable, Logger } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { Transaction } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { AuditActor } from '../../audit/domain/audit-entry';
import { canonicalJson } from '../domain/canonical-json';
import { GeneralJws, participantsOf, PermitStatus } from '../domain/permit';
import { PermitPayload } from '../domain/permit-payload';
import { move } from '../domain/permit.machine';
import { JwsSignature, PermitCrypto } from './permit-crypto.port';
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
    private readonly crypto: PermitCrypto,
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

  /**
   * This node's signature on the permit as it reads with a later end (an
   * extension, EHDS recital 74): the same canonical payload but `validUntil`.
   */
  async signExtension(permitId: string, validUntil: string): Promise<JwsSignature> {
    const { payload } = await this.granted(permitId, { anyTime: true });
    const amended = canonicalJson({ ...payload, validUntil });
    return this.crypto.sign(Buffer.from(amended, 'utf8').toString('base64url'));
  }

  /**
   * Replaces the permit by its extension, with its audit entry: the amended
   * permit passes the one verification, differs from the current one only
   * in a later `validUntil`, and the permit has not been archived.
   */
  async extend(
    permitId: string,
    jws: GeneralJws,
    actor: AuditActor,
    tx: Transaction,
  ): Promise<PermitPayload> {
    const record = await this.permits.get(permitId, tx);
    if (!record?.jws || !record.validUntil) {
      throw new DomainError('PERMIT.NOT_FOUND', `No granted permit ${permitId} at this node`);
    }
    if (!['APPROVED', 'PREPARING', 'ACTIVE', 'SUSPENDED'].includes(record.status)) {
      throw new DomainError(
        'PERMIT.NOT_ACTIVE',
        `Permit ${permitId} is ${record.status}: it can no longer be extended`,
        { status: record.status },
      );
    }
    const current = await this.verifier.verify(record.jws, { now: 'any-time' });
    const amended = await this.verifier.verify(jws, {
      now: this.clock.now(),
      forNode: this.node.id,
    });
    if (
      canonicalJson({ ...amended, validUntil: current.validUntil }) !== canonicalJson(current) ||
      new Date(amended.validUntil) <= new Date(current.validUntil)
    ) {
      throw new DomainError(
        'PERMIT.MALFORMED',
        `The extension of ${permitId} changes more than a later end of validity`,
      );
    }
    const replaced = await this.permits.replaceGrant(
      permitId,
      { status: record.status, validUntil: record.validUntil },
      { jws, validUntil: amended.validUntil },
      this.clock.now(),
      tx,
    );
    if (!replaced) {
      throw new DomainError('PERMIT.STALE', `Permit ${permitId} changed meanwhile; try again`);
    }
    await this.audit.record(
      {
        channel: actor.kind === 'peer' ? 'grpc' : 'internal',
        actor,
        action: 'permit.extend',
        permitId,
        outcome: 'success',
        details: { from: current.validUntil, to: amended.validUntil },
      },
      tx,
    );
    return amended;
  }
}
