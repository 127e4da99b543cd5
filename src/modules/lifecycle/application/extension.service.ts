import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { AuditActor } from '../../audit/domain/audit-entry';
import { Person, personId } from '../../identity/domain/person';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { canonicalJson } from '../../permits/domain/canonical-json';
import { GeneralJws } from '../../permits/domain/permit';
import { Extension, ExtensionDecision, extendedUntil, extensionOutcome } from '../domain/extension';
import { LIVE_STATUSES } from '../domain/lifecycle';
import { ExtensionRepository } from './extension-repository.port';
import { LifecyclePeers } from './lifecycle-peers.port';

const SYSTEM = { kind: 'system' } as const;

/**
 * Extension of a permit's validity, an amendment (EHDS recital 74): the
 * applicant asks at the lead; each participant's reviewer decides at that
 * node, an approval signing the permit as it would read with the new end;
 * once every participant approved, the lead assembles the amended permit,
 * checks it with the one verification function and every node replaces its
 * permit by it. Only before archival: an archived permit has no way back.
 */
@Injectable()
export class ExtensionService {
  private readonly logger = new Logger(ExtensionService.name);

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

  /** At a participant: the lead hands over the request. */
  async receiveRequest(
    peerId: string,
    request: Pick<Extension, 'id' | 'permitId' | 'validUntil' | 'reason' | 'requestedAt'>,
  ): Promise<void> {
    const { record, payload } = await this.stages.granted(request.permitId, { anyTime: true });
    if (payload.lead !== peerId) {
      throw new DomainError('REQUEST.FORBIDDEN', `${peerId} does not lead ${request.permitId}`);
    }
    if (await this.extensions.get(request.id)) return;
    assertLive(request.permitId, record.status);
    await this.unitOfWork.run(async (tx) => {
      await this.extensions.insert(
        {
          ...request,
          previousValidUntil: payload.validUntil,
          requestedBy: peerId,
          status: 'PENDING',
          decisions: {},
          untold: [],
          reported: false,
        },
        tx,
      );
      await this.audit.record(
        {
          channel: 'grpc',
          actor: { kind: 'peer', id: peerId },
          action: 'extension.receive',
          permitId: request.permitId,
          outcome: 'success',
          details: { extensionId: request.id, validUntil: request.validUntil },
        },
        tx,
      );
    });
  }

  /** A reviewer of this node's HDAB decides; an approval signs the amended permit. */
  async decide(
    reviewer: Person,
    permitId: string,
    decision: { outcome: 'APPROVED' | 'REJECTED'; reason: string },
  ): Promise<Extension> {
    const { record, payload } = await this.stages.granted(permitId, { anyTime: true });
    const extension = await this.extensions.latest(permitId);
    if (extension?.status !== 'PENDING') {
      throw new DomainError(
        'DECISION.NOT_PENDING',
        `No extension of ${permitId} awaits a decision`,
      );
    }
    assertLive(permitId, record.status);
    const signature =
      decision.outcome === 'APPROVED'
        ? await this.stages.signExtension(permitId, extension.validUntil)
        : undefined;
    const decided: ExtensionDecision = {
      ...decision,
      decidedBy: personId(reviewer),
      decidedAt: this.clock.now().toISOString(),
      ...(signature ? { signature } : {}),
    };
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.extensions.decide(extension.id, this.node.id, decided, tx))) {
        throw new DomainError(
          'DECISION.ALREADY_TAKEN',
          `${this.node.id} has already decided on this extension`,
        );
      }
      await this.audit.record(
        {
          channel: 'http',
          actor: { kind: 'user', id: personId(reviewer) },
          action: 'extension.decide',
          permitId,
          outcome: 'success',
          details: { extensionId: extension.id, decision: decision.outcome },
        },
        tx,
      );
    });
    if (payload.lead === this.node.id) await this.concludeIfDecided(extension.id);
    else await this.report(extension.id, payload.lead).catch((e: unknown) => this.warn(e));
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

  /** At a participant: the lead says how the extension ended. */
  async receiveConclusion(
    peerId: string,
    permitId: string,
    extensionId: string,
    conclusion: { outcome: 'GRANTED'; jws: GeneralJws } | { outcome: 'REJECTED' },
  ): Promise<void> {
    const { payload } = await this.stages.granted(permitId, { anyTime: true });
    const extension = await this.extensions.get(extensionId);
    if (payload.lead !== peerId || !extension || extension.permitId !== permitId) {
      throw new DomainError('REQUEST.FORBIDDEN', `${peerId} does not lead ${permitId}`);
    }
    if (extension.status === conclusion.outcome) return;
    const actor: AuditActor = { kind: 'peer', id: peerId };
    await this.unitOfWork.run(async (tx) => {
      if (conclusion.outcome === 'GRANTED') {
        await this.stages.extend(permitId, conclusion.jws, actor, tx);
      }
      await this.extensions.conclude(extensionId, conclusion.outcome, [], this.clock.now(), tx);
    });
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

  /** At a participant: brings its decision to the lead. */
  async report(extensionId: string, lead: string): Promise<void> {
    const extension = (await this.extensions.get(extensionId))!;
    const own = extension.decisions[this.node.id];
    if (!own || extension.reported) return;
    await this.peers.decideExtension(lead, extension.permitId, extensionId, own);
    await this.extensions.markReported(extensionId);
  }

  private warn(error: unknown): void {
    this.logger.warn(`An extension message did not get through: ${(error as Error).message}`);
  }
}

function assertLive(permitId: string, status: string): void {
  if (!(LIVE_STATUSES as readonly string[]).includes(status)) {
    throw new DomainError(
      'PERMIT.NOT_ACTIVE',
      `Permit ${permitId} is ${status}: after archival there is no way back`,
      { status },
    );
  }
}
