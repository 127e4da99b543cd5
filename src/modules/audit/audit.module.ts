import { Global, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditConfig } from '../../config/app-config';
import { Recurring } from '../../scheduling/recurring';
import { AuditLog } from './application/audit-log.port';
import { AuditPeers } from './application/audit-peers.port';
import { AuditTreeStore } from './application/audit-tree.port';
import { AuditTreeService } from './application/audit-tree.service';
import { AuditService } from './application/audit.service';
import { HeadGossipService } from './application/head-gossip.service';
import { PeerHeadStore } from './application/peer-heads.port';
import { TreeHeadSigner } from './application/tree-head-signer.port';
import { GrpcAuditPeers } from './infrastructure/grpc-audit-peers';
import { JoseTreeHeadSigner } from './infrastructure/jose-tree-heads';
import { SqlAuditTreeStore } from './infrastructure/sql-audit-tree-store';
import { SqlPeerHeadStore } from './infrastructure/sql-peer-head-store';
import { TypeOrmAuditLog } from './infrastructure/typeorm-audit-log';
import { AuditGrpcController } from './transport/audit.grpc.controller';
import { AuditHttpController } from './transport/audit.http.controller';

@Global()
@Module({
  controllers: [AuditHttpController, AuditGrpcController],
  providers: [
    { provide: AuditLog, useClass: TypeOrmAuditLog },
    { provide: AuditTreeStore, useClass: SqlAuditTreeStore },
    { provide: TreeHeadSigner, useClass: JoseTreeHeadSigner },
    { provide: AuditPeers, useClass: GrpcAuditPeers },
    { provide: PeerHeadStore, useClass: SqlPeerHeadStore },
    AuditService,
    AuditTreeService,
    HeadGossipService,
  ],
  exports: [AuditService],
})
export class AuditModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly heads: Recurring;
  private readonly gossip: Recurring;

  constructor(tree: AuditTreeService, gossip: HeadGossipService, config: AuditConfig) {
    this.heads = new Recurring('AuditTreeHeads', config.headIntervalMs, async () => {
      await tree.signHead({ ifGrown: true });
    });
    this.gossip = new Recurring('AuditGossip', config.gossipIntervalMs, () => gossip.round());
  }

  onApplicationBootstrap(): void {
    this.heads.start();
    void this.heads.runNow();
    this.gossip.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.heads.stop(), this.gossip.stop()]);
  }
}
