import { Injectable } from '@nestjs/common';
import { NodeConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { UnitOfWork } from '../../../shared/transaction';
import { recordLeafHash } from '../domain/audit-record';
import { appendLeaves } from '../domain/compact-range';
import { foldSubtrees } from '../domain/merkle-proofs';
import {
  consistencyRanges,
  inclusionRanges,
  LeafRange,
  peaksOf,
  subtreesOf,
} from '../domain/merkle-ranges';
import { SignedTreeHead } from '../domain/tree-head';
import { AuditTreeStore, OwnTreeHead, PendingCursor, TreeLeaf } from './audit-tree.port';
import { TreeHeadSigner } from './tree-head-signer.port';

const BATCH = 2000;
export const MAX_LEAVES_PER_PAGE = 1000;

export interface InclusionProofView {
  readonly index: number;
  readonly seq?: string;
  readonly treeSize: number;
  readonly leafHash: Buffer;
  readonly path: Buffer[];
}

/**
 * The log as a Merkle tree: gives committed entries their place (after
 * commit, so writers never wait for the tree), signs tree heads, and answers
 * proofs from the stored subtree hashes in O(log n) reads.
 */
@Injectable()
export class AuditTreeService {
  private appending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: AuditTreeStore,
    private readonly signer: TreeHeadSigner,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly node: NodeConfig,
  ) {}

  /** Appends every entry committed so far; runs one after another in this process. */
  sync(): Promise<number> {
    const run = this.appending.then(() => this.appendPending());
    this.appending = run.catch(() => undefined);
    return run;
  }

  /**
   * Entries are taken in (transaction id, seq) order from the transactions
   * at or above the floor. Every transaction below the horizon read first has
   * ended, so once this run is through, the floor may rise to it: no entry
   * can appear below it any more, and the order given never changes.
   */
  private async appendPending(): Promise<number> {
    const horizon = await this.store.horizon();
    let after: PendingCursor | undefined;
    let added = 0;
    for (;;) {
      const batch = await this.unitOfWork.run(async (tx) => {
        const floor = await this.store.lockForAppend(tx);
        const pending = await this.store.pending(floor, after, BATCH, tx);
        if (pending.length === 0) return pending;
        const size = await this.store.size(tx);
        const peakRefs = peaksOf(size);
        const peakHashes = await this.store.subtrees(peakRefs, tx);
        const peaks = peakRefs.map((ref, i) => ({ ...ref, hash: peakHashes[i]! }));
        const leaves = pending.map((p) => recordLeafHash(p.record));
        const { completed } = appendLeaves(peaks, size, leaves);
        const seqs = pending.map((p) => p.record.seq);
        await this.store.append(size, seqs, leaves, completed, tx);
        return pending;
      });
      added += batch.length;
      if (batch.length < BATCH) break;
      const last = batch.at(-1)!;
      after = { xid: last.xid, seq: last.record.seq };
    }
    await this.store.raiseFloor(horizon);
    return added;
  }

  /** Signs the tree as it is now; `ifGrown` keeps the latest head when nothing was added. */
  async signHead(options: { ifGrown?: boolean } = {}): Promise<SignedTreeHead> {
    await this.sync();
    const size = await this.store.size();
    const latest = await this.store.latestHead();
    if (options.ifGrown && latest?.treeSize === size) return this.signed(latest);
    const head = await this.signer.sign({
      treeSize: size,
      rootHash: await this.root(size),
      timestamp: this.clock.now(),
    });
    await this.store.saveHead(head);
    return head;
  }

  async latestHead(): Promise<SignedTreeHead> {
    const latest = await this.store.latestHead();
    return latest ? this.signed(latest) : this.signHead();
  }

  async size(): Promise<number> {
    return this.store.size();
  }

  async leaves(start: number, end: number): Promise<{ treeSize: number; leaves: TreeLeaf[] }> {
    if (end <= start || end - start > MAX_LEAVES_PER_PAGE) {
      throw new DomainError(
        'AUDIT.TREE_SIZE_INVALID',
        `Ask for 1 to ${MAX_LEAVES_PER_PAGE} leaves at a time (start < end)`,
      );
    }
    const treeSize = await this.store.size();
    return { treeSize, leaves: await this.store.leaves(start, Math.min(end, treeSize)) };
  }

  /** The proof that an entry (by tree index or by seq) is in the tree of `treeSize` leaves (default: the latest signed). */
  async inclusionProof(
    entry: { index: number } | { seq: string },
    treeSize?: number,
  ): Promise<InclusionProofView> {
    const size = await this.checkedSize(treeSize ?? (await this.latestHead()).treeSize);
    const index = 'index' in entry ? entry.index : await this.indexOfSeq(entry.seq);
    if (index >= size) {
      throw new DomainError(
        'AUDIT.NOT_IN_TREE',
        `Leaf ${index} is not in the tree of ${size} leaves`,
        { index, treeSize: size },
      );
    }
    const [leafHash] = await this.store.subtrees([{ level: 0, index }]);
    return {
      index,
      ...('seq' in entry ? { seq: entry.seq } : {}),
      treeSize: size,
      leafHash: leafHash!,
      path: await this.rangeHashes(inclusionRanges(index, size)),
    };
  }

  async consistencyProof(first: number, second: number): Promise<Buffer[]> {
    await this.checkedSize(second);
    if (first > second) {
      throw new DomainError(
        'AUDIT.TREE_SIZE_INVALID',
        `The first tree size (${first}) exceeds the second (${second})`,
      );
    }
    return this.rangeHashes(consistencyRanges(first, second));
  }

  /** The root of the tree of the first `size` leaves. */
  async root(size: number): Promise<Buffer> {
    return foldSubtrees(await this.store.subtrees(peaksOf(size)));
  }

  private async indexOfSeq(seq: string): Promise<number> {
    let index = await this.store.indexOf(seq);
    if (index === undefined) {
      await this.sync();
      index = await this.store.indexOf(seq);
    }
    if (index === undefined) {
      throw new DomainError('AUDIT.NOT_IN_TREE', `No entry ${seq} is in the tree`, { seq });
    }
    return index;
  }

  private async checkedSize(treeSize: number): Promise<number> {
    const current = await this.store.size();
    if (treeSize < 0 || treeSize > current) {
      throw new DomainError(
        'AUDIT.TREE_SIZE_INVALID',
        `The tree has ${current} leaves; there is no tree of ${treeSize}`,
        { treeSize: current },
      );
    }
    return treeSize;
  }

  private async rangeHashes(ranges: readonly LeafRange[]): Promise<Buffer[]> {
    const parts = ranges.map(subtreesOf);
    const hashes = await this.store.subtrees(parts.flat());
    let at = 0;
    return parts.map((refs) => foldSubtrees(hashes.slice(at, (at += refs.length))));
  }

  private signed(head: OwnTreeHead): SignedTreeHead {
    return { ...head, issuer: this.node.id };
  }
}
