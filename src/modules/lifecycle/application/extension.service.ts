import { Injectable, Logger } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { AuditActor } from '../../audit/domain/audit-entry';
import { Person, personId } from '../../identity/domain/person';
import { PermitStagesService } from '../../permits/application/permit-stages.service';
import { GeneralJws } from '../../permits/domain/permit';
import { assertLive, Extension, ExtensionDecision } from '../domain/extension';
import { ExtensionLeadService } from './extension-lead.service';
import { ExtensionRepository } from './extension-repository.port';
import { LifecyclePeers } from './lifecycle-peers.port';

/**
 * Extension of a permit's validity at each participating node: the request
 * arrives from the lead; this node's HDAB decides, an approval signing the
 * permit as it would read with the new end (the same canonical payload but
 * a later `validUntil`); the decision goes to the lead; the granted
 * extension comes back and replaces the permit here after the same checks.
 * Only before archival: an archived permit has no way back.
 */
@Injectable()
export class ExtensionService {
  private readonly logger = new Logger(ExtensionService.name);

  constructor(
    private readonly extensions: ExtensionRepository,
    private readonly leading: ExtensionLeadService,
    private readonly stages: PermitStagesService,
    private readonly peers: LifecyclePeers,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

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
    if (payload.lead === this.node.id) await this.leading.concludeIfDecided(extension.id);
    else await this.report(extension.id, payload.lead).catch((e: unknown) => this.warn(e));
    return (await this.extensions.get(extension.id))!;
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
