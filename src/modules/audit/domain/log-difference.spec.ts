import { leafHash } from './merkle-hash';
import { MerkleTree } from './merkle-tree';
import { firstDifference, InclusionProof } from './log-difference';

const leavesOf = (n: number) =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
const PLACEHOLDER = Buffer.alloc(32);

/** A node answering inclusion proofs from the hashes it stored. */
const nodeWith =
  (stored: MerkleTree) =>
  async (index: number, size: number): Promise<InclusionProof> => ({
    leafHash: stored.leaf(index),
    path: stored.inclusionProof(index, size),
  });

describe('finding the first entry that is not as signed', () => {
  it('names the changed leaf, for every tree of 1 to 100 leaves and every leaf', async () => {
    const wrong: string[] = [];
    for (let n = 1; n <= 100; n += 1) {
      const leaves = leavesOf(n);
      const signed = MerkleTree.of(leaves);
      const head = { treeSize: n, rootHash: signed.root() };
      for (let k = 0; k < n; k += 1) {
        const seen = MerkleTree.of(
          leaves.map((l, i) => (i === k ? leafHash(Buffer.from('x')) : l)),
        );
        const found = await firstDifference(seen, head, nodeWith(signed));
        if (found.kind !== 'leaf' || found.index !== k)
          wrong.push(`${k}/${n}: ${JSON.stringify(found)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names the first of two swapped leaves, and where a removed leaf stood', async () => {
    const leaves = leavesOf(1000);
    const signed = MerkleTree.of(leaves);
    const head = { treeSize: 1000, rootHash: signed.root() };
    const swapped = [...leaves];
    [swapped[417], swapped[702]] = [swapped[702]!, swapped[417]!];
    expect(await firstDifference(MerkleTree.of(swapped), head, nodeWith(signed))).toEqual({
      kind: 'leaf',
      index: 417,
    });
    const removed = [...leaves.slice(0, 333), ...leaves.slice(334), PLACEHOLDER];
    expect(await firstDifference(MerkleTree.of(removed), head, nodeWith(signed))).toEqual({
      kind: 'leaf',
      index: 333,
    });
  });

  it('believes only proofs that verify against the signed root', async () => {
    const leaves = leavesOf(1000);
    const signed = MerkleTree.of(leaves);
    const head = { treeSize: 1000, rootHash: signed.root() };
    const rewritten = MerkleTree.of(leaves.map((l, i) => (i === 600 ? PLACEHOLDER : l)));
    // The node recomputed every hash after the change: its proofs fit its new tree only.
    expect(await firstDifference(rewritten, head, nodeWith(rewritten))).toEqual({
      kind: 'range',
      start: 0,
      end: 1000,
    });
    // A node that answers nothing leaves the whole tree in question.
    expect(await firstDifference(rewritten, head, async () => undefined)).toEqual({
      kind: 'range',
      start: 0,
      end: 1000,
    });
  });
});
