import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/errors';
import { quoteIdent } from '../../analysis/domain/sql';
import { WorkspaceTable } from '../../analysis/domain/analysis-kind';
import { WorkspaceTableInfo } from '../domain/workspace';
import { Readiness, WorkspaceStore } from './workspace-store.port';

/** What the use stage needs of workspaces: this node's tables, and at the lead, every node's. */
@Injectable()
export class WorkspacesService {
  constructor(private readonly store: WorkspaceStore) {}

  /** This node's workspace table of a permitted dataset. */
  async table(
    permitId: string,
    dataset: string,
  ): Promise<WorkspaceTable & { readonly info: WorkspaceTableInfo }> {
    const workspace = await this.store.get(permitId);
    if (workspace?.status !== 'READY' || !workspace.schema) {
      throw new DomainError(
        'WORKSPACE.NOT_READY',
        `The workspace of ${permitId} is not ready here`,
      );
    }
    const info = workspace.tables.find((t) => t.dataset === dataset);
    if (!info) {
      throw new DomainError(
        'ANALYSIS.VARIABLE_NOT_PERMITTED',
        `Permit ${permitId} grants no dataset ${dataset} here`,
      );
    }
    return {
      sqlName: `${quoteIdent(workspace.schema)}.${quoteIdent(dataset)}`,
      columns: info.columns,
      info,
    };
  }

  /** At the lead: the workspaces participants reported ready. */
  async readiness(permitId: string): Promise<Readiness[]> {
    return this.store.readiness(permitId);
  }
}
