import { Transaction } from '../../../shared/transaction';
import { AuditRecord } from '../domain/audit-record';
import { SubtreeHash } from '../domain/compact-range';
import { SubtreeRef } from '../domain/merkle-ranges';
import { TreeHead } from '../domain/tree-head';

/** A committed entry not yet in the tree, with the transaction that wrote it. */
export interface PendingRecord {
  readonly record: AuditRecord;
  readonly xid: string;
}

/** Where an append run has got to, in (transaction id, seq) order. */
export interface PendingCursor {
  readonly xid: string;
  readonly seq: string;
}

/** A leaf of the tree and the entry it stands for (absent if its row is gone). */
export interface TreeLeaf {
  readonly index: number;
  readonly hash: Buffer;
  readonly record?: AuditRecord;
}

/** A head this node signed. */
export interface OwnTreeHead extends TreeHead {
  readonly jws: string;
}

/**
 * The tree over the audit log: leaves in a fixed order, the hash of every
 * complete subtree, and the node's signed heads. Only ever appended to.
 */
export abstract class AuditTreeStore {
  /** The oldest transaction that may still commit entries; every older one has ended. */
  abstract horizon(): Promise<string>;
  /** Makes `tx` the only appender until it ends; returns the transaction id every entry below which is in the tree. */
  abstract lockForAppend(tx: Transaction): Promise<string>;
  /** Committed entries of transactions from `floor` on that are not in the tree, after `after`. */
  abstract pending(
    floor: string,
    after: PendingCursor | undefined,
    limit: number,
    tx: Transaction,
  ): Promise<PendingRecord[]>;
  abstract append(
    firstIndex: number,
    seqs: readonly string[],
    leaves: readonly Buffer[],
    completed: readonly SubtreeHash[],
    tx: Transaction,
  ): Promise<void>;
  abstract raiseFloor(horizon: string): Promise<void>;
  abstract size(tx?: Transaction): Promise<number>;
  /** The hashes of complete subtrees (level 0: leaves), in the order asked. */
  abstract subtrees(refs: readonly SubtreeRef[], tx?: Transaction): Promise<Buffer[]>;
  abstract leaves(start: number, end: number): Promise<TreeLeaf[]>;
  abstract indexOf(seq: string): Promise<number | undefined>;
  abstract latestHead(): Promise<OwnTreeHead | undefined>;
  abstract saveHead(head: OwnTreeHead): Promise<void>;
}
