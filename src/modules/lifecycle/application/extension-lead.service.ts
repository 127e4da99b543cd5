import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { Person, personId } from '../../identity/domain/person';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { canonicalJson } from '../../permits/domain/canonical-json';
import { GeneralJws } from '../../permits/domain/permit';
import {
  assertLive,
  Extension,
  ExtensionDecision,
  extendedUntil,
  extensionOutcome,
} from '../domain/extension';
import { ExtensionRepository } from './extension-repository.port';
import { LifecyclePeers } from './lifecycle-peers.port';

const SYSTEM = { kind: 'system' } as const;

/**
 * Extension of a permit's validity, an amendment (EHDS recital 74), at the
 * lead: the applicant asks; the request goes to every participant; their
 * decisions come back; once every participant approved, the lead assembles
 * the amended permit from their signatures, checks it with the one
 * verification function, replaces its own and sends it to them. Messages
 * that did not get through are sent again by the lifecycle's ticks.
 */
@Injectable()
export class ExtensionLeadService {
  private readonly logger = new Logger(ExtensionLeadService.name);

  constructor(
    private readonly extensions: ExtensionRepository,
    private readonly stages: PermitStagesService,
    private readonly peers: LifecyclePeers,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  /** At the lead: the applicant asks for `months` more. */
  async request(
    applicant: Person,
    permitId: string,
    ask: { months: number; reason: string },
  ): Promise<Extension> {
    const { record, payload } = await this.stages.granted(permitId);
    const { issuer, subject } = record.application.applicant;
    if (issuer !== applicant.issuer || subject !== applicant.subject) {
      throw new DomainError('REQUEST.FORBIDDEN', 'Only the applicant can ask for an extension');
    }
    if (payload.lead !== this.node.id) {
      throw new DomainError(
        'REQUEST.FORBIDDEN',
        `Extensions of ${permitId} are asked at its lead, ${payload.lead}`,
      );
    }
    assertLive(permitId, record.status);
    const now = this.clock.now();
    const extension: Extension = {
      id: randomUUID(),
      permitId,
      validUntil: extendedUntil(payload.validFrom, payload.validUntil, ask.months),
      previousValidUntil: payload.validUntil,
      reason: ask.reason,
      requestedBy: personId(applicant),
      requestedAt: now.toISOString(),
      status: 'PENDING',
      decisions: {},
      untold: payload.participants.filter((n) => n !== this.node.id),
      reported: true,
    };
    await this.unitOfWork.run(async (tx) => {
      if ((await this.extensions.latest(permitId, tx))?.status === 'PENDING') {
        throw new DomainError(
          'PERMIT.STALE',
          `An extension of ${permitId} is already being decided`,
        );
      }
      await this.extensions.insert(extension, tx);
      await this.audit.record(
        {
          channel: 'http',
          actor: { kind: 'user', id: personId(applicant) },
          action: 'extension.request',
          permitId,
          outcome: 'success',
          details: { extensionId: extension.id, validUntil: extension.validUntil },
        },
        tx,
      );
    });
    await this.send(extension.id);
    return (await this.extensions.get(extension.id))!;
  }

  /** At the lead: a participant's decision arrives. */
  async receiveDecision(
    peerId: string,
    permitId: string,
    extensionId: string,
    reported: Omit<ExtensionDecision, 'decidedAt' | 'decidedBy'>,
  ): Promise<void> {
    const decision: ExtensionDecision = { ...reported, decidedAt: this.clock.now().toISOString() };
    const { payload } = await this.stages.granted(permitId, { anyTime: true });
    const extension = await this.extensions.get(extensionId);
    if (!extension || extension.permitId !== permitId || payload.lead !== this.node.id) {
      throw new DomainError('DECISION.NOT_PENDING', `No extension ${extensionId} of ${permitId}`);
    }
    if (!payload.participants.includes(peerId)) {
      throw new DomainError('REQUEST.FORBIDDEN', `${peerId} does not take part in ${permitId}`);
    }
    if (extension.decisions[peerId]?.outcome === decision.outcome) return;
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.extensions.decide(extensionId, peerId, decision, tx))) {
        throw new DomainError('DECISION.NOT_PENDING', `Extension ${extensionId} is not pending`);
      }
      await this.audit.record(
        {
          channel: 'grpc',
          actor: { kind: 'peer', id: peerId },
          action: 'extension.decision-received',
          permitId,
          outcome: 'success',
          details: { extensionId, decision: decision.outcome },
        },
        tx,
      );
    });
    await this.concludeIfDecided(extensionId);
  }

  /** At the lead: once every participant decided, grant (every node's signature) or reject. */
  async concludeIfDecided(extensionId: string): Promise<void> {
    const extension = (await this.extensions.get(extensionId))!;
    if (extension.status !== 'PENDING') return;
    const { payload } = await this.stages.granted(extension.permitId, { anyTime: true });
    const outcome = extensionOutcome(extension, payload.participants);
    if (!outcome) return;
    const others = payload.participants.filter((n) => n !== this.node.id);
    await this.unitOfWork.run(async (tx) => {
      let ended: 'GRANTED' | 'REJECTED' = outcome;
      let why: string | undefined;
      if (outcome === 'GRANTED') {
        const amended = canonicalJson({ ...payload, validUntil: extension.validUntil });
        const jws: GeneralJws = {
          payload: Buffer.from(amended, 'utf8').toString('base64url'),
          signatures: payload.participants.map((n) => extension.decisions[n]!.signature!),
        };
        try {
          await this.stages.extend(extension.permitId, jws, SYSTEM, tx);
        } catch (error) {
          // A signature that does not verify, or an amendment that is not one: nothing changes.
          if (
            !(error instanceof DomainError) ||
            !/^PERMIT\.(SIGNATURE|MALFORMED)/.test(error.code)
          ) {
            throw error;
          }
          ended = 'REJECTED';
          why = error.message;
        }
      }
      if (!(await this.extensions.conclude(extensionId, ended, others, this.clock.now(), tx))) {
        throw new DomainError('PERMIT.STALE', `Extension ${extensionId} ended meanwhile`);
      }
      await this.audit.record(
        {
          channel: 'internal',
          actor: SYSTEM,
          action: ended === 'GRANTED' ? 'extension.grant' : 'extension.reject',
          permitId: extension.permitId,
          outcome: 'success',
          details: { extensionId, validUntil: extension.validUntil, ...(why && { why }) },
        },
        tx,
      );
    });
    await this.send(extensionId);
  }

  /** At the lead: tells the participants not yet told of the request, or of its end. */
  async send(extensionId: string): Promise<boolean> {
    const extension = (await this.extensions.get(extensionId))!;
    const { record } = await this.stages.granted(extension.permitId, { anyTime: true });
    const results = await Promise.all(
      extension.untold.map(async (node) => {
        try {
          if (extension.status === 'PENDING') {
            await this.peers.proposeExtension(node, extension);
          } else if (extension.status === 'GRANTED') {
            await this.peers.concludeExtension(node, extension.permitId, extensionId, {
              outcome: 'GRANTED',
              jws: record.jws!,
            });
          } else if (extension.status === 'REJECTED') {
            await this.peers.concludeExtension(node, extension.permitId, extensionId, {
              outcome: 'REJECTED',
            });
          }
          await this.extensions.markTold(extensionId, node);
          return true;
        } catch (error) {
          this.warn(error);
          // A participant whose permit is archived will never take it: no use asking again.
          if (error instanceof DomainError && error.code === 'PERMIT.NOT_ACTIVE') {
            await this.extensions.markTold(extensionId, node);
          }
          return false;
        }
      }),
    );
    return results.every(Boolean);
  }

  private warn(error: unknown): void {
    this.logger.warn(`An extension message did not get through: ${(error as Error).message}`);
  }
}
