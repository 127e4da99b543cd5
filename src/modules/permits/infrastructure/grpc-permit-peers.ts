import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { parsePeerResponse, PeerChannels } from '../../federation/infrastructure/peer-channels';
import { JwsSignature } from '../application/permit-crypto.port';
import {
  ApplicationCopy,
  Conclusion,
  PermitPeers,
  RemoteDecision,
} from '../application/permit-peers.port';
import { canonicalJson } from '../domain/canonical-json';
import { PermitChange } from '../domain/permit-change';

const signatureSchema = z.object({
  protected: z.string().regex(/^[A-Za-z0-9_-]{1,2000}$/),
  signature: z.string().regex(/^[A-Za-z0-9_-]{1,2000}$/),
});

@Injectable()
export class GrpcPermitPeers extends PermitPeers {
  constructor(private readonly channels: PeerChannels) {
    super();
  }

  async submitApplication(peerId: string, copy: ApplicationCopy): Promise<void> {
    await this.channels.call(
      peerId,
      'PermitService',
      'SubmitApplication',
      {
        applicationJson: canonicalJson(copy.application),
        applicationVersion: copy.version,
        decisionDueAt: copy.decisionDueAt,
      },
      { idempotent: true },
    );
  }

  async recordDecision(leadId: string, decision: RemoteDecision): Promise<void> {
    await this.channels.call(
      leadId,
      'PermitService',
      'RecordDecision',
      {
        permitId: decision.permitId,
        outcome: `DECISION_OUTCOME_${decision.outcome}`,
        reason: decision.reason ?? '',
        decidedAt: decision.decidedAt,
      },
      { idempotent: true },
    );
  }

  async signPermit(peerId: string, permitId: string, payloadJson: string): Promise<JwsSignature> {
    const response = await this.channels.call(
      peerId,
      'PermitService',
      'SignPermit',
      { permitId, payloadJson },
      {
        idempotent: true,
      },
    );
    return parsePeerResponse(signatureSchema, response, peerId);
  }

  async conclude(peerId: string, conclusion: Conclusion): Promise<void> {
    await this.channels.call(
      peerId,
      'PermitService',
      'ConcludeApplication',
      conclusion.outcome === 'GRANTED'
        ? {
            permitId: conclusion.permitId,
            outcome: 'APPLICATION_OUTCOME_GRANTED',
            permitJwsJson: JSON.stringify(conclusion.jws),
          }
        : {
            permitId: conclusion.permitId,
            outcome: `APPLICATION_OUTCOME_${conclusion.outcome}`,
            reasons: [...conclusion.reasons],
          },
      { idempotent: true },
    );
  }

  async changeStatus(
    peerId: string,
    permitId: string,
    change: PermitChange,
    reason: string,
  ): Promise<void> {
    await this.channels.call(
      peerId,
      'PermitService',
      'ChangePermitStatus',
      { permitId, change: `PERMIT_CHANGE_${change}`, reason },
      { idempotent: true },
    );
  }
}
