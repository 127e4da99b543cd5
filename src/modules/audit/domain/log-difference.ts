import { sameHash } from './merkle-hash';
import { verifyInclusion } from './merkle-proofs';
import { inclusionRanges } from './merkle-ranges';
import { MerkleTree } from './merkle-tree';
import { TreeHead } from './tree-head';

export interface InclusionProof {
  /** The leaf the node says stands at the index. */
  readonly leafHash: Buffer;
  readonly path: readonly Buffer[];
}

/** The first leaf that is not as signed, or the narrowest range the node's proofs allow. */
export type Difference =
  | { readonly kind: 'leaf'; readonly index: number }
  | { readonly kind: 'range'; readonly start: number; readonly end: number };

/**
 * Finds the first leaf of `tree` that differs from the tree `head` signed,
 * given that their roots differ. Each step asks the node for the inclusion
 * proof of the first leaf of the range known to differ; a proof that
 * verifies against the signed root authenticates every hash on it, so the
 * leftmost of its subtrees that differs from ours is the next range (at
 * most log n proofs). Only hashes authenticated by the signature are
 * believed: if the node's stored hashes were rewritten too, its proofs fail
 * and the answer is the range reached so far.
 */
export async function firstDifference(
  tree: MerkleTree,
  head: Pick<TreeHead, 'treeSize' | 'rootHash'>,
  proofOf: (index: number, treeSize: number) => Promise<InclusionProof | undefined>,
): Promise<Difference> {
  const size = head.treeSize;
  let start = 0;
  let end = size;
  for (;;) {
    if (end - start === 1) return { kind: 'leaf', index: start };
    const proof = await proofOf(start, size);
    if (!proof || !verifyInclusion(start, size, proof.leafHash, proof.path, head.rootHash)) {
      return { kind: 'range', start, end };
    }
    if (!sameHash(proof.leafHash, tree.leaf(start))) return { kind: 'leaf', index: start };
    // The first leaf of a subtree has only right siblings inside it, and they tile the rest.
    const differing = inclusionRanges(start, size)
      .map((range, i) => ({ range, hash: proof.path[i]! }))
      .find(
        ({ range, hash }) =>
          range.start > start && range.end <= end && !sameHash(hash, tree.rangeHash(range)),
      );
    if (!differing) return { kind: 'range', start, end };
    start = differing.range.start;
    end = differing.range.end;
  }
}
