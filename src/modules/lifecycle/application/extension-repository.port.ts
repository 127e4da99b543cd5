import { Transaction } from '../../../shared/transaction';
import { Extension, ExtensionDecision, ExtensionStatus } from '../domain/extension';

/** Extensions of permits as this node holds them; changes are guarded by the state they expect. */
export abstract class ExtensionRepository {
  /** Fails (unique index) if one is already PENDING for the permit. */
  abstract insert(extension: Extension, tx: Transaction): Promise<void>;
  abstract get(id: string, tx?: Transaction): Promise<Extension | undefined>;
  /** The permit's latest extension. */
  abstract latest(permitId: string, tx?: Transaction): Promise<Extension | undefined>;
  /** Records a node's decision of a PENDING extension; false if it had decided or the extension ended. */
  abstract decide(
    id: string,
    node: string,
    decision: ExtensionDecision,
    tx: Transaction,
  ): Promise<boolean>;
  /** Ends a PENDING extension; false if it had ended. */
  abstract conclude(
    id: string,
    status: Exclude<ExtensionStatus, 'PENDING'>,
    untold: readonly string[],
    now: Date,
    tx: Transaction,
  ): Promise<boolean>;
  /** Any PENDING extension of the permit lapses (the permit was archived). */
  abstract lapse(permitId: string, now: Date, tx: Transaction): Promise<void>;
  abstract markTold(id: string, node: string): Promise<void>;
  abstract markReported(id: string): Promise<void>;
  /** The latest extension of each permit, for the planner. */
  abstract latestOf(permitIds: readonly string[]): Promise<Map<string, Extension>>;
}
