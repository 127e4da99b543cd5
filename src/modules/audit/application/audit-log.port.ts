import { Transaction } from '../../../shared/transaction';
import { AuditActor, AuditEntry, AuditEvent, AuditOutcome } from '../domain/audit-entry';
import { AuditRecord } from '../domain/audit-record';

export interface AuditQuery {
  readonly actorKind?: AuditActor['kind'];
  readonly actorId?: string;
  readonly channel?: AuditEvent['channel'];
  readonly outcome?: AuditOutcome;
  readonly action?: string;
  readonly limit?: number;
}

/** What an auditor may select entries by; every criterion given must hold. */
export interface AuditFilter {
  readonly permitId?: string;
  /** A person as `issuer#subject`. */
  readonly person?: string;
  /** A peer node's id. */
  readonly peer?: string;
  readonly action?: string;
  readonly outcome?: AuditOutcome;
  /** From this time on (inclusive). */
  readonly from?: Date;
  /** Before this time (exclusive). */
  readonly to?: Date;
}

/** An entry and, once it is in the tree, its leaf. */
export interface PlacedRecord {
  readonly record: AuditRecord;
  readonly leaf?: { readonly index: number; readonly hash: Buffer };
}

/** The append-only log of the node. */
export abstract class AuditLog {
  abstract append(entry: Omit<AuditEntry, 'seq'>, tx?: Transaction): Promise<void>;
  abstract query(query: AuditQuery): Promise<AuditEntry[]>;
  /** Entries matching `filter` after the entry `afterSeq`, in seq order. */
  abstract search(
    filter: AuditFilter,
    afterSeq: string | undefined,
    limit: number,
  ): Promise<PlacedRecord[]>;
  abstract oldestEntryAt(): Promise<Date | undefined>;
}
