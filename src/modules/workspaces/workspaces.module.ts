import { Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { UseConfig } from '../../config/app-config';
import { Recurring } from '../../scheduling/recurring';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PermitsModule } from '../permits/permits.module';
import { PreparationService } from './application/preparation.service';
import { WorkspacePeers } from './application/workspace-peers.port';
import { WorkspaceStore } from './application/workspace-store.port';
import { WorkspacesService } from './application/workspaces.service';
import { GrpcWorkspacePeers } from './infrastructure/grpc-workspace-peers';
import { SqlWorkspaceStore } from './infrastructure/sql-workspace-store';
import { WorkspacesGrpcController } from './transport/workspaces.grpc.controller';
import { WorkspacesHttpController } from './transport/workspaces.http.controller';

@Module({
  imports: [CatalogueModule, PermitsModule],
  controllers: [WorkspacesGrpcController, WorkspacesHttpController],
  providers: [
    { provide: WorkspaceStore, useClass: SqlWorkspaceStore },
    { provide: WorkspacePeers, useClass: GrpcWorkspacePeers },
    PreparationService,
    WorkspacesService,
  ],
  exports: [WorkspacesService, PreparationService],
})
export class WorkspacesModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweep: Recurring;

  constructor(preparation: PreparationService, config: UseConfig) {
    this.sweep = new Recurring('PreparationSweep', config.sweepIntervalMs, () =>
      preparation.sweep(),
    );
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sweep.stop();
  }
}
