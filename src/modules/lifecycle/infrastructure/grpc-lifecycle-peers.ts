import { Injectable } from '@nestjs/common';
import { PeerChannels } from '../../federation/infrastructure/peer-channels';
import { LifecyclePeers } from '../application/lifecycle-peers.port';
import { GeneralJws } from '../../permits/domain/permit';
import { Extension, ExtensionDecision } from '../domain/extension';

@Injectable()
export class GrpcLifecyclePeers extends LifecyclePeers {
  constructor(private readonly channels: PeerChannels) {
    super();
  }

  async close(peerId: string, permitId: string, reason: string): Promise<void> {
    await this.channels.call(
      peerId,
      'LifecycleService',
      'ClosePermit',
      { permitId, reason },
      { idempotent: true },
    );
  }

  async deliverRecord(leadId: string, permitId: string, record: string): Promise<void> {
    await this.channels.call(
      leadId,
      'LifecycleService',
      'DeliverDestructionRecord',
      { permitId, recordJws: record },
      { idempotent: true },
    );
  }

  async proposeExtension(
    peerId: string,
    e: Pick<Extension, 'id' | 'permitId' | 'validUntil' | 'reason' | 'requestedAt'>,
  ): Promise<void> {
    await this.channels.call(
      peerId,
      'LifecycleService',
      'ProposeExtension',
      {
        permitId: e.permitId,
        extensionId: e.id,
        validUntil: e.validUntil,
        reason: e.reason,
        requestedAt: e.requestedAt,
      },
      { idempotent: true },
    );
  }

  async decideExtension(
    leadId: string,
    permitId: string,
    extensionId: string,
    decision: ExtensionDecision,
  ): Promise<void> {
    await this.channels.call(
      leadId,
      'LifecycleService',
      'DecideExtension',
      {
        permitId,
        extensionId,
        outcome: `EXTENSION_OUTCOME_${decision.outcome}`,
        reason: decision.reason,
        signatureProtected: decision.signature?.protected ?? '',
        signature: decision.signature?.signature ?? '',
      },
      { idempotent: true },
    );
  }

  async concludeExtension(
    peerId: string,
    permitId: string,
    extensionId: string,
    conclusion: { outcome: 'GRANTED'; jws: GeneralJws } | { outcome: 'REJECTED' },
  ): Promise<void> {
    await this.channels.call(
      peerId,
      'LifecycleService',
      'ConcludeExtension',
      {
        permitId,
        extensionId,
        outcome: `EXTENSION_OUTCOME_${conclusion.outcome}`,
        permitJwsJson: conclusion.outcome === 'GRANTED' ? JSON.stringify(conclusion.jws) : '',
      },
      { idempotent: true },
    );
  }
}
