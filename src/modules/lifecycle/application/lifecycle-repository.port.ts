import { Transaction } from '../../../shared/transaction';
import { ArchiveReason } from '../domain/lifecycle';
import { DestructionInventory } from '../domain/destruction-record';

export interface Archival {
  readonly reason: ArchiveReason;
  readonly appliedAt: Date;
  readonly jobsCancelled: number;
  readonly untold: readonly string[];
}

export interface Destruction {
  readonly inventory: DestructionInventory;
  readonly destroyedAt: Date;
  /** The signed record (compact JWS), once written. */
  readonly record?: string;
  readonly deliveredAt?: Date;
}

export interface CollectedRecord {
  readonly node: string;
  readonly record: string;
  readonly destroyedAt: Date;
  readonly receivedAt: Date;
}

/** The lifecycle's own rows: archival and destruction here, and at the lead the records collected. */
export abstract class LifecycleRepository {
  abstract archival(permitId: string, tx?: Transaction): Promise<Archival | undefined>;
  abstract saveArchival(permitId: string, archival: Archival, tx: Transaction): Promise<void>;
  /** At the lead: `node` now knows the permit was closed. */
  abstract markTold(permitId: string, node: string): Promise<void>;
  abstract destruction(permitId: string, tx?: Transaction): Promise<Destruction | undefined>;
  abstract startDestruction(
    permitId: string,
    inventory: DestructionInventory,
    destroyedAt: Date,
    tx: Transaction,
  ): Promise<void>;
  abstract saveRecord(permitId: string, record: string, now: Date, tx: Transaction): Promise<void>;
  abstract markDelivered(permitId: string, now: Date): Promise<void>;
  /** At the lead: keeps a participant's record; the record already kept for that node, if any. */
  abstract collect(
    permitId: string,
    record: Omit<CollectedRecord, 'receivedAt'>,
    now: Date,
    tx: Transaction,
  ): Promise<CollectedRecord>;
  abstract collected(permitId: string): Promise<CollectedRecord[]>;
  /** Everything above for many permits at once, for the planner. */
  abstract statesOf(permitIds: readonly string[]): Promise<
    Map<
      string,
      {
        archival?: Archival;
        destruction?: Destruction;
        recordsFrom: string[];
      }
    >
  >;
}
