import { Injectable } from '@nestjs/common';
import { PeerClient, PeerHealth } from '../application/peer-client.port';
import { NodeInfo } from '../domain/federation-member';
import { checkHealthResponseSchema, getNodeInfoResponseSchema } from '../transport/peer.schemas';
import { parsePeerResponse, PeerChannels } from './peer-channels';

/** PeerService over the peers' mutual-TLS channels. */
@Injectable()
export class GrpcPeerClient extends PeerClient {
  constructor(private readonly channels: PeerChannels) {
    super();
  }

  async getNodeInfo(peerId: string): Promise<NodeInfo> {
    const response = await this.channels.call(
      peerId,
      'PeerService',
      'GetNodeInfo',
      {},
      { idempotent: true },
    );
    const info = parsePeerResponse(getNodeInfoResponseSchema, response, peerId);
    return { ...info, signingKeys: { keys: info.signingKeys } };
  }

  async checkHealth(peerId: string): Promise<PeerHealth> {
    const response = await this.channels.call(
      peerId,
      'PeerService',
      'CheckHealth',
      {},
      { idempotent: true },
    );
    const health = parsePeerResponse(checkHealthResponseSchema, response, peerId);
    return { serving: health.status === 'SERVING_STATUS_SERVING', databaseUp: health.databaseUp };
  }
}
