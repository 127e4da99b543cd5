import type { OutputRules } from '../../analysis/domain/analysis-kind';
import { WorkspaceTableInfo } from '../domain/workspace';

/** The preparation conversation between nodes (gRPC WorkspaceService). */
export abstract class WorkspacePeers {
  /** Participant → lead: my workspace for this permit is ready, with these tables; these are my output rules. */
  abstract reportReady(
    leadId: string,
    permitId: string,
    tables: readonly WorkspaceTableInfo[],
    outputRules: OutputRules,
  ): Promise<void>;
  /** Lead → participant: every workspace is ready; the permit is in use. */
  abstract activate(peerId: string, permitId: string): Promise<void>;
}
