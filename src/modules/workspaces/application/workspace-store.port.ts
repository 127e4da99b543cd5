import type { OutputRules } from '../../analysis/domain/analysis-kind';
import { Transaction } from '../../../shared/transaction';
import { Workspace, WorkspaceInventory, WorkspaceTableInfo } from '../domain/workspace';

/** A participant's workspace as the lead knows it. */
export interface Readiness {
  readonly node: string;
  readonly tables: readonly WorkspaceTableInfo[];
  /** The node's output rules as it reported them (none from a node that reported before there were any). */
  readonly outputRules?: OutputRules;
  /** The node has been told the permit is active. */
  readonly activated: boolean;
}

/** Workspaces inside the node's database, and at the lead, which participants are ready. */
export abstract class WorkspaceStore {
  /**
   * Creates the permit's secret, schema and tables, filled in SQL with
   * pseudonyms in place of person identifiers, and records the workspace
   * READY; all within `tx`, so a failure leaves nothing.
   */
  abstract build(
    permitId: string,
    schema: string,
    tables: readonly WorkspaceTableInfo[],
    now: Date,
    tx: Transaction,
  ): Promise<void>;
  /**
   * After the build has committed (VACUUM runs outside a transaction): each
   * table frozen, its visibility map set and its statistics gathered, so
   * analyses read it without touching every row's visibility again and may
   * use index-only scans. The workspace is never written again.
   */
  abstract vacuum(schema: string, tables: readonly WorkspaceTableInfo[]): Promise<void>;
  abstract get(permitId: string, tx?: Transaction): Promise<Workspace | undefined>;
  abstract recordFailure(
    permitId: string,
    error: string,
    nextAttemptAt: Date,
    now: Date,
    tx: Transaction,
  ): Promise<void>;
  abstract markReported(permitId: string): Promise<void>;
  abstract recordReadiness(
    permitId: string,
    node: string,
    tables: readonly WorkspaceTableInfo[],
    outputRules: OutputRules,
    now: Date,
    tx: Transaction,
  ): Promise<void>;
  abstract readiness(permitId: string, tx?: Transaction): Promise<Readiness[]>;
  abstract markActivated(permitId: string, node: string): Promise<void>;
  /**
   * Makes a READY workspace ARCHIVED: every table refuses writes (a
   * trigger); false when it was not READY.
   */
  abstract archive(permitId: string, now: Date, tx: Transaction): Promise<boolean>;
  /** The schema's tables with their row counts and the secret's id, as they are now. */
  abstract inventory(permitId: string, tx: Transaction): Promise<WorkspaceInventory>;
  /** Drops the schema and deletes the secret; the workspace row stays, DESTROYED. */
  abstract destroy(permitId: string, now: Date, tx: Transaction): Promise<void>;
}
