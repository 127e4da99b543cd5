import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { jsonText } from '../../../shared/validation';
import { parsePeerResponse, PeerChannels } from '../../federation/infrastructure/peer-channels';
import {
  DeliverRequest,
  JobPeers,
  RunJobReply,
  RunJobRequest,
} from '../application/job-peers.port';
import { gateFindingsSchema } from '../transport/job.findings.schema';

const replySchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('RUN_OUTCOME_RELEASED'),
    contributionJson: jsonText(z.unknown()),
    persons: z.number().int().min(0),
  }),
  z.object({
    outcome: z.literal('RUN_OUTCOME_BLOCKED'),
    findings: gateFindingsSchema,
    reason: z.string().max(2000),
  }),
  z.object({
    outcome: z.literal('RUN_OUTCOME_AWAITING_REVIEW'),
    findings: gateFindingsSchema,
  }),
]);

const deliveredSchema = z.object({ settled: z.boolean() });

@Injectable()
export class GrpcJobPeers extends JobPeers {
  constructor(private readonly channels: PeerChannels) {
    super();
  }

  async run(peerId: string, request: RunJobRequest, deadlineMs: number): Promise<RunJobReply> {
    const response = await this.channels.call(
      peerId,
      'JobService',
      'RunJob',
      {
        jobId: request.jobId,
        permitJwsJson: JSON.stringify(request.permitJws),
        specJson: request.specJson,
        submitterAssertion: request.assertion,
        round: request.round,
        stateJson: JSON.stringify(request.state ?? null),
      },
      { idempotent: true, deadlineMs },
    );
    const reply = parsePeerResponse(replySchema, response, peerId);
    switch (reply.outcome) {
      case 'RUN_OUTCOME_RELEASED':
        return {
          outcome: 'RELEASED',
          contribution: reply.contributionJson,
          persons: reply.persons,
        };
      case 'RUN_OUTCOME_AWAITING_REVIEW':
        return { outcome: 'AWAITING_REVIEW', findings: reply.findings };
      default:
        return {
          outcome: 'BLOCKED',
          findings: reply.findings,
          ...(reply.reason && { reason: reply.reason }),
        };
    }
  }

  async deliver(leadId: string, request: DeliverRequest): Promise<boolean> {
    const { delivery } = request;
    const response = await this.channels.call(
      leadId,
      'JobService',
      'DeliverContribution',
      {
        jobId: request.jobId,
        round: request.round,
        ...(delivery.outcome === 'RELEASED'
          ? {
              outcome: 'RUN_OUTCOME_RELEASED',
              contributionJson: JSON.stringify(delivery.contribution),
              persons: delivery.persons,
            }
          : {
              outcome: 'RUN_OUTCOME_BLOCKED',
              findings: [...delivery.findings],
              reason: delivery.reason,
            }),
      },
      { idempotent: true },
    );
    return parsePeerResponse(deliveredSchema, response, leadId).settled;
  }
}
