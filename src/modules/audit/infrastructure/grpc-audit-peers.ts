import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { parsePeerResponse, PeerChannels } from '../../federation/infrastructure/peer-channels';
import { AuditPeers } from '../application/audit-peers.port';

const headSchema = z.object({ jws: z.string().min(1).max(4096) });
const proofSchema = z.object({
  proof: z
    .array(z.instanceof(Buffer).refine((b) => b.length === 32, 'must be a SHA-256 hash'))
    .max(128),
});

@Injectable()
export class GrpcAuditPeers extends AuditPeers {
  constructor(private readonly channels: PeerChannels) {
    super();
  }

  async signedTreeHead(peerId: string): Promise<string> {
    const response = await this.channels.call(
      peerId,
      'AuditService',
      'GetSignedTreeHead',
      {},
      {
        idempotent: true,
      },
    );
    return parsePeerResponse(headSchema, response, peerId).jws;
  }

  async consistencyProof(peerId: string, first: number, second: number): Promise<Buffer[]> {
    const response = await this.channels.call(
      peerId,
      'AuditService',
      'GetConsistencyProof',
      { firstTreeSize: String(first), secondTreeSize: String(second) },
      { idempotent: true },
    );
    return parsePeerResponse(proofSchema, response, peerId).proof;
  }
}
