import { Global, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditConfig } from '../../config/app-config';
import { Recurring } from '../../scheduling/recurring';
import { AuditLog } from './application/audit-log.port';
import { AuditTreeStore } from './application/audit-tree.port';
import { AuditTreeService } from './application/audit-tree.service';
import { AuditService } from './application/audit.service';
import { TreeHeadSigner } from './application/tree-head-signer.port';
import { JoseTreeHeadSigner } from './infrastructure/jose-tree-heads';
import { SqlAuditTreeStore } from './infrastructure/sql-audit-tree-store';
import { TypeOrmAuditLog } from './infrastructure/typeorm-audit-log';
import { AuditHttpController } from './transport/audit.http.controller';

@Global()
@Module({
  controllers: [AuditHttpController],
  providers: [
    { provide: AuditLog, useClass: TypeOrmAuditLog },
    { provide: AuditTreeStore, useClass: SqlAuditTreeStore },
    { provide: TreeHeadSigner, useClass: JoseTreeHeadSigner },
    AuditService,
    AuditTreeService,
  ],
  exports: [AuditService],
})
export class AuditModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly heads: Recurring;

  constructor(tree: AuditTreeService, config: AuditConfig) {
    this.heads = new Recurring('AuditTreeHeads', config.headIntervalMs, async () => {
      await tree.signHead({ ifGrown: true });
    });
  }

  onApplicationBootstrap(): void {
    this.heads.start();
    void this.heads.runNow();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.heads.stop();
  }
}
