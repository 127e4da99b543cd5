import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { jsonText } from '../../../shared/validation';
import { parsePeerResponse, PeerChannels } from '../../federation/infrastructure/peer-channels';
import { OUTPUT_RULES } from '../../analysis/domain/analysis-kind';
import { JobPeers, RunJobReply, RunJobRequest } from '../application/job-peers.port';

const replySchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('RUN_OUTCOME_RELEASED'),
    contributionJson: jsonText(z.unknown()),
    persons: z.number().int().min(0),
  }),
  z.object({
    outcome: z.literal('RUN_OUTCOME_BLOCKED'),
    findings: z
      .array(
        z.object({
          rule: z.enum(OUTPUT_RULES),
          cell: z.string().max(1000),
          threshold: z.number(),
        }),
      )
      .min(1)
      .max(10_000),
  }),
]);

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
    return reply.outcome === 'RUN_OUTCOME_RELEASED'
      ? { outcome: 'RELEASED', contribution: reply.contributionJson, persons: reply.persons }
      : { outcome: 'BLOCKED', findings: reply.findings };
  }
}
