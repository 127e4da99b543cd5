import { HASH_SIZE, nodeHash } from './merkle-hash';
import { foldSubtrees } from './merkle-proofs';
import {
  consistencyRanges,
  inclusionRanges,
  LeafRange,
  SubtreeRef,
  subtreesOf,
} from './merkle-ranges';

/**
 * A whole tree in memory, every complete subtree hashed once (2n hashes,
 * 64 bytes a leaf): what a verifier rebuilds from a node's entries, and the
 * reference the node's stored tree is tested against.
 */
export class MerkleTree {
  private constructor(private readonly levels: Buffer[]) {}

  static of(leafHashes: readonly Uint8Array[]): MerkleTree {
    return MerkleTree.ofConcatenated(Buffer.concat(leafHashes));
  }

  /** From the leaf hashes end to end, 32 bytes each: no object per leaf. */
  static ofConcatenated(leafHashes: Buffer): MerkleTree {
    const levels = [leafHashes];
    for (;;) {
      const below = levels.at(-1)!;
      const pairs = Math.floor(below.length / HASH_SIZE / 2);
      if (pairs === 0) break;
      const level = Buffer.alloc(pairs * HASH_SIZE);
      for (let i = 0; i < pairs; i += 1) {
        nodeHash(
          below.subarray(2 * i * HASH_SIZE, (2 * i + 1) * HASH_SIZE),
          below.subarray((2 * i + 1) * HASH_SIZE, (2 * i + 2) * HASH_SIZE),
        ).copy(level, i * HASH_SIZE);
      }
      levels.push(level);
    }
    return new MerkleTree(levels);
  }

  get size(): number {
    return this.levels[0]!.length / HASH_SIZE;
  }

  leaf(index: number): Buffer {
    return this.subtree({ level: 0, index });
  }

  subtree(ref: SubtreeRef): Buffer {
    const level = this.levels[ref.level];
    if (!level || (ref.index + 1) * HASH_SIZE > level.length)
      throw new RangeError(`No complete subtree ${ref.level}/${ref.index} in ${this.size} leaves`);
    return level.subarray(ref.index * HASH_SIZE, (ref.index + 1) * HASH_SIZE);
  }

  rangeHash(range: LeafRange): Buffer {
    return foldSubtrees(subtreesOf(range).map((ref) => this.subtree(ref)));
  }

  /** The root of the tree of the first `size` leaves. */
  root(size = this.size): Buffer {
    return this.rangeHash({ start: 0, end: size });
  }

  inclusionProof(index: number, size = this.size): Buffer[] {
    return inclusionRanges(index, size).map((r) => this.rangeHash(r));
  }

  consistencyProof(first: number, second = this.size): Buffer[] {
    return consistencyRanges(first, second).map((r) => this.rangeHash(r));
  }
}
