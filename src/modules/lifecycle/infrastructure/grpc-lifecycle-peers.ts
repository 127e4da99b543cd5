import { Injectable } from '@nestjs/common';
import { PeerChannels } from '../../federation/infrastructure/peer-channels';
import { LifecyclePeers } from '../application/lifecycle-peers.port';

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
}
