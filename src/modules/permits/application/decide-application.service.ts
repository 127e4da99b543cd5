import { Injectable, Logger } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { Person, personId } from '../../identity/domain/person';
import { canonicalJson } from '../domain/canonical-json';
import { GeneralJws, participantsOf } from '../domain/permit';
import { permitPayloadOf } from '../domain/permit-payload';
import { move } from '../domain/permit.machine';
import { PermitCrypto } from './permit-crypto.port';
import { PermitPeers, RemoteDecision } from './permit-peers.port';
import { PermitRecord, PermitRepository } from './permit-repository.port';
import { PermitStagesService } from './permit-stages.service';
import { PermitVerifier } from './permit-verifier';

/**
 * Decisions: each HDAB decides its own part at its own node; decisions
 * reach the lead, which ends the application for all: rejected as soon as
 * one participant rejects, granted once all approved and all signed.
 */
@Injectable()
export class DecideApplicationService {
  private readonly logger = new Logger(DecideApplicationService.name);

  constructor(
    private readonly permits: PermitRepository,
    private readonly peers: PermitPeers,
    private readonly crypto: PermitCrypto,
    private readonly verifier: PermitVerifier,
    private readonly stages: PermitStagesService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  /** A reviewer of this node's HDAB decides this node's part. */
  async decide(
    reviewer: Person,
    permitId: string,
    decision: { outcome: 'APPROVED' | 'REJECTED'; reason: string },
  ): Promise<PermitRecord> {
    const now = this.clock.now();
    const permit = await this.unitOfWork.run(async (tx) => {
      const permit = await this.permits.get(permitId, tx);
      if (!permit || !permit.decisions.some((d) => d.node === this.node.id))
        throw notFound(permitId);
      if (permit.status !== 'REQUESTED') {
        throw new DomainError(
          'DECISION.NOT_PENDING',
          `Application ${permitId} is ${permit.status}: nothing to decide`,
        );
      }
      if (permit.completion) {
        throw new DomainError(
          'DECISION.NOT_PENDING',
          `Application ${permitId} awaits completion by the applicant`,
        );
      }
      const changed = await this.permits.decide(
        permitId,
        this.node.id,
        { ...decision, decidedBy: personId(reviewer), decidedAt: now },
        tx,
      );
      if (!changed)
        throw new DomainError(
          'DECISION.ALREADY_TAKEN',
          `${this.node.id} has already decided on ${permitId}`,
        );
      await this.audit.record(
        {
          channel: 'internal',
          actor: { kind: 'user', id: personId(reviewer) },
          action: 'application.decide',
          permitId,
          outcome: 'success',
          details: { decision: decision.outcome },
        },
        tx,
      );
      return permit;
    });
    await this.report(permit.application.lead, {
      permitId,
      ...decision,
      decidedAt: now.toISOString(),
    });
    return (await this.permits.get(permitId))!;
  }

  /** Brings this node's decision to the lead (itself, or over gRPC); a failure waits for the next try. */
  async report(lead: string, decision: RemoteDecision): Promise<void> {
    try {
      if (lead === this.node.id) {
        await this.conclude(decision.permitId);
      } else {
        await this.peers.recordDecision(lead, decision);
      }
      await this.permits.markDelivered(decision.permitId, this.node.id);
    } catch (error) {
      this.logger.warn(
        `Decision on ${decision.permitId} not yet known to ${lead}: ${(error as Error).message}`,
      );
    }
  }

  /** At the lead: a participant's decision arrives. */
  async recordDecision(peerId: string, decision: RemoteDecision): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const permit = await this.permits.get(decision.permitId, tx);
      if (!permit || permit.application.lead !== this.node.id) throw notFound(decision.permitId);
      const current = permit.decisions.find((d) => d.node === peerId);
      if (!current)
        throw new DomainError(
          'REQUEST.FORBIDDEN',
          `${peerId} does not take part in ${decision.permitId}`,
        );
      if (current.outcome === decision.outcome) return;
      const changed = await this.permits.decide(
        decision.permitId,
        peerId,
        {
          outcome: decision.outcome,
          reason: decision.reason,
          decidedAt: new Date(decision.decidedAt),
        },
        tx,
      );
      if (!changed)
        throw new DomainError('DECISION.ALREADY_TAKEN', `${peerId} has already decided otherwise`);
      await this.audit.record(
        {
          channel: 'grpc',
          actor: { kind: 'peer', id: peerId },
          action: 'application.decision-received',
          permitId: decision.permitId,
          outcome: 'success',
          details: { decision: decision.outcome },
        },
        tx,
      );
    });
    await this.conclude(decision.permitId);
  }

  /**
   * At the lead: ends the application if it can end — rejected if anyone
   * rejected, granted if all approved (gathering every participant's
   * signature) — and tells the participants. Safe to repeat: the state-guarded
   * move lets only one attempt conclude.
   */
  async conclude(permitId: string): Promise<void> {
    const permit = await this.permits.get(permitId);
    if (!permit || permit.status !== 'REQUESTED' || permit.application.lead !== this.node.id)
      return;
    const rejected = permit.decisions.filter((d) => d.outcome === 'REJECTED');
    if (rejected.length > 0) {
      const reasons = rejected.map((d) => `${d.node}: ${d.reason ?? 'rejected'}`);
      if (await this.end(permitId, 'REJECTED', { reasons })) {
        await this.tell(permit, { permitId, outcome: 'REJECTED', reasons });
      }
      return;
    }
    if (permit.decisions.some((d) => d.outcome !== 'APPROVED')) return;

    const now = this.clock.now();
    const payload = permitPayloadOf(permit.application, now);
    const json = canonicalJson(payload);
    const payloadB64 = Buffer.from(json, 'utf8').toString('base64url');
    const signatures = await Promise.all(
      participantsOf(permit.application).map((node) =>
        node === this.node.id
          ? this.crypto.sign(payloadB64)
          : this.peers.signPermit(node, permitId, json),
      ),
    );
    const jws: GeneralJws = { payload: payloadB64, signatures };
    await this.verifier.verify(jws, { now, forNode: this.node.id });
    const granted = { jws, validFrom: payload.validFrom, validUntil: payload.validUntil };
    if (await this.end(permitId, 'APPROVED', { signatures: signatures.length }, granted)) {
      this.stages.announceGrant(permitId);
      await this.tell(permit, { permitId, outcome: 'GRANTED', jws });
    }
  }

  /** Moves a REQUESTED application to its end, with the audit entry; false if another move came first. */
  async end(
    permitId: string,
    to: 'APPROVED' | 'REJECTED' | 'WITHDRAWN',
    details: Record<string, unknown>,
    granted?: { jws: GeneralJws; validFrom: string; validUntil: string },
  ): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      const moved = await this.permits.move(
        permitId,
        'REQUESTED',
        move('REQUESTED', to),
        this.clock.now(),
        tx,
        granted,
      );
      if (moved) {
        await this.audit.record(
          {
            channel: 'internal',
            actor: { kind: 'system' },
            action: {
              APPROVED: 'permit.grant',
              REJECTED: 'application.reject',
              WITHDRAWN: 'application.withdraw',
            }[to],
            permitId,
            outcome: 'success',
            details,
          },
          tx,
        );
      }
      return moved;
    });
  }

  /** Tells every other participant how the application ended; a failure is logged and retried on read. */
  async tell(
    permit: PermitRecord,
    conclusion: Parameters<PermitPeers['conclude']>[1],
  ): Promise<void> {
    await Promise.all(
      participantsOf(permit.application)
        .filter((node) => node !== this.node.id)
        .map((node) =>
          this.peers.conclude(node, conclusion).catch((error: unknown) => {
            this.logger.warn(
              `${node} not yet told how ${permit.application.id} ended: ${(error as Error).message}`,
            );
          }),
        ),
    );
  }
}

export function notFound(permitId: string): DomainError {
  return new DomainError('PERMIT.NOT_FOUND', `No application or permit ${permitId} at this node`);
}
