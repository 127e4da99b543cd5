import { Injectable } from '@nestjs/common';
import { PeerClient } from '../application/peer-client.port';
import { NodeInfo } from '../domain/federation-member';
import { getNodeInfoResponseSchema } from '../transport/peer.schemas';
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
}
