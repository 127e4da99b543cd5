import {
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { PermitStagesService } from '../permits/application/permit-stages.service';
import { PermitsModule } from '../permits/permits.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { DestructionSigner } from './application/destruction-signer.port';
import { DestructionService } from './application/destruction.service';
import { ExtensionRepository } from './application/extension-repository.port';
import { ExtensionLeadService } from './application/extension-lead.service';
import { ExtensionService } from './application/extension.service';
import { LifecyclePeers } from './application/lifecycle-peers.port';
import { LifecycleQueryService } from './application/lifecycle-query.service';
import { LifecycleRepository } from './application/lifecycle-repository.port';
import { LifecycleScheduler } from './application/lifecycle-scheduler.port';
import { LifecycleService } from './application/lifecycle.service';
import { GrpcLifecyclePeers } from './infrastructure/grpc-lifecycle-peers';
import { JoseDestructionSigner } from './infrastructure/jose-destruction-signer';
import { NodeCronScheduler } from './infrastructure/node-cron-scheduler';
import { SqlExtensionRepository } from './infrastructure/sql-extension-repository';
import { SqlLifecycleRepository } from './infrastructure/sql-lifecycle-repository';
import { LifecycleGrpcController } from './transport/lifecycle.grpc.controller';
import { LifecycleHttpController } from './transport/lifecycle.http.controller';

@Module({
  imports: [PermitsModule, WorkspacesModule, JobsModule],
  controllers: [LifecycleHttpController, LifecycleGrpcController],
  providers: [
    { provide: LifecycleRepository, useClass: SqlLifecycleRepository },
    { provide: DestructionSigner, useClass: JoseDestructionSigner },
    { provide: LifecyclePeers, useClass: GrpcLifecyclePeers },
    { provide: LifecycleScheduler, useClass: NodeCronScheduler },
    { provide: ExtensionRepository, useClass: SqlExtensionRepository },
    LifecycleService,
    ExtensionService,
    ExtensionLeadService,
    DestructionService,
    LifecycleQueryService,
  ],
  exports: [LifecycleService],
})
export class LifecycleModule
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(LifecycleModule.name);

  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly scheduler: LifecycleScheduler,
    private readonly stages: PermitStagesService,
  ) {}

  onModuleInit(): void {
    // A revocation archives the permit; what archival means is applied at once, not at the next tick.
    this.stages.onArchived((permitId) => {
      void this.lifecycle
        .archive(permitId, 'REVOKED', { kind: 'system' })
        .catch((error: unknown) =>
          this.logger.warn(
            `Archival of ${permitId} left to the next tick: ${(error as Error).message}`,
          ),
        );
    });
  }

  onApplicationBootstrap(): void {
    this.scheduler.start(() => this.lifecycle.tick());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}
