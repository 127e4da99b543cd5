import { Injectable } from '@nestjs/common';
import { PeerChannels } from '../../federation/infrastructure/peer-channels';
import { WorkspacePeers } from '../application/workspace-peers.port';
import type { OutputRules } from '../../analysis/domain/analysis-kind';
import { WorkspaceTableInfo } from '../domain/workspace';

@Injectable()
export class GrpcWorkspacePeers extends WorkspacePeers {
  constructor(private readonly channels: PeerChannels) {
    super();
  }

  async reportReady(
    leadId: string,
    permitId: string,
    tables: readonly WorkspaceTableInfo[],
    outputRules: OutputRules,
  ): Promise<void> {
    await this.channels.call(
      leadId,
      'WorkspaceService',
      'ReportWorkspaceReady',
      {
        permitId,
        tables: tables.map((t) => ({
          dataset: t.dataset,
          columns: t.columns.map((c) => ({ name: c.name, type: c.type, levels: c.levels ?? [] })),
          publishedVariables: t.publishedVariables,
        })),
        outputRules,
      },
      { idempotent: true },
    );
  }

  async activate(peerId: string, permitId: string): Promise<void> {
    await this.channels.call(
      peerId,
      'WorkspaceService',
      'ActivatePermit',
      { permitId },
      {
        idempotent: true,
      },
    );
  }
}
