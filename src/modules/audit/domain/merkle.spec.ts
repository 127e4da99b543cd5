import { createHash } from 'node:crypto';
import { Random } from '../../../synthetic/prng';
import { appendLeaves, SubtreeHash } from './compact-range';
import { EMPTY_ROOT, leafHash, nodeHash } from './merkle-hash';
import { verifyConsistency, verifyInclusion } from './merkle-proofs';
import { peaksOf, splitPoint, subtreesOf } from './merkle-ranges';
import { MerkleTree } from './merkle-tree';

// RFC 6962 §2.1 written as recursively as the RFC states it: the reference.
function mth(d: Buffer[]): Buffer {
  if (d.length === 0) return createHash('sha256').digest();
  if (d.length === 1) return d[0]!;
  const k = splitPoint(d.length);
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
}

function path(m: number, d: Buffer[]): Buffer[] {
  if (d.length === 1) return [];
  const k = splitPoint(d.length);
  return m < k
    ? [...path(m, d.slice(0, k)), mth(d.slice(k))]
    : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
}

function subproof(m: number, d: Buffer[], whole: boolean): Buffer[] {
  if (m === d.length) return whole ? [] : [mth(d)];
  const k = splitPoint(d.length);
  return m <= k
    ? [...subproof(m, d.slice(0, k), whole), mth(d.slice(k))]
    : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
}

const leavesOf = (n: number, salt = '') =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}${salt}`)));

const hex = (b: Buffer) => b.toString('hex');
const hexes = (bs: readonly Buffer[]) => bs.map(hex);

function flipped(b: Buffer): Buffer {
  const copy = Buffer.from(b);
  copy[0] ^= 1;
  return copy;
}

describe('RFC 6962 hashing', () => {
  it('gives the roots of the Certificate Transparency test vectors', () => {
    const inputs = [
      '',
      '00',
      '10',
      '2021',
      '3031',
      '40414243',
      '5051525354555657',
      '606162636465666768696a6b6c6d6e6f',
    ].map((h) => leafHash(Buffer.from(h, 'hex')));
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    const tree = MerkleTree.of(inputs);
    roots.forEach((root, i) => expect(hex(tree.root(i + 1))).toBe(root));
    expect(hex(tree.root(0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(tree.root(0))).toBe(hex(EMPTY_ROOT));
  });

  it('splits ranges into the complete subtrees they are folded from', () => {
    expect(peaksOf(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(subtreesOf({ start: 8, end: 14 })).toEqual([
      { level: 2, index: 2 },
      { level: 1, index: 6 },
    ]);
    expect(peaksOf(0)).toEqual([]);
  });
});

describe('inclusion proofs, for every tree of 1 to 100 leaves and every leaf', () => {
  const leaves = leavesOf(100);
  const tree = MerkleTree.of(leaves);

  it('equal the RFC definition and verify against the root', () => {
    const ours: string[] = [];
    const rfc: string[] = [];
    const failed: string[] = [];
    for (let n = 1; n <= 100; n += 1) {
      const root = mth(leaves.slice(0, n));
      ours.push(hex(tree.root(n)));
      rfc.push(hex(root));
      for (let m = 0; m < n; m += 1) {
        const proof = tree.inclusionProof(m, n);
        ours.push(hexes(proof).join());
        rfc.push(hexes(path(m, leaves.slice(0, n))).join());
        if (!verifyInclusion(m, n, leaves[m]!, proof, root)) failed.push(`${m}/${n}`);
      }
    }
    expect(ours).toEqual(rfc);
    expect(failed).toEqual([]);
  });

  it('fail for another leaf, index or root, and for any changed, missing or extra hash', () => {
    const accepted: string[] = [];
    const refuse = (what: string, verified: boolean) => verified && accepted.push(what);
    for (let n = 1; n <= 100; n += 1) {
      const root = tree.root(n);
      for (let m = 0; m < n; m += 1) {
        const proof = tree.inclusionProof(m, n);
        const leaf = leaves[m]!;
        const at = `${m}/${n}`;
        refuse(`${at} other leaf`, verifyInclusion(m, n, leaves[(m + 1) % 100]!, proof, root));
        if (n > 1) refuse(`${at} other index`, verifyInclusion((m + 1) % n, n, leaf, proof, root));
        refuse(`${at} other root`, verifyInclusion(m, n, leaf, proof, flipped(root)));
        refuse(`${at} extra hash`, verifyInclusion(m, n, leaf, [...proof, root], root));
        proof.forEach((_, i) => {
          const changed = proof.map((p, j) => (i === j ? flipped(p) : p));
          refuse(`${at} hash ${i} changed`, verifyInclusion(m, n, leaf, changed, root));
          refuse(`${at} cut at ${i}`, verifyInclusion(m, n, leaf, proof.slice(0, i), root));
        });
      }
      refuse(`${n}/${n}`, verifyInclusion(n, n, leaves[0]!, [], root));
      refuse(`-1/${n}`, verifyInclusion(-1, n, leaves[0]!, [], root));
    }
    expect(accepted).toEqual([]);
  });
});

describe('consistency proofs', () => {
  const leaves = leavesOf(100);
  const tree = MerkleTree.of(leaves);

  it('equal the RFC definition and verify for every pair of sizes up to 100', () => {
    const ours: string[] = [];
    const rfc: string[] = [];
    const failed: string[] = [];
    for (let n = 1; n <= 100; n += 1) {
      const second = tree.root(n);
      for (let m = 1; m <= n; m += 1) {
        const proof = tree.consistencyProof(m, n);
        ours.push(hexes(proof).join());
        rfc.push(m === n ? '' : hexes(subproof(m, leaves.slice(0, n), true)).join());
        if (!verifyConsistency(m, n, tree.root(m), second, proof)) failed.push(`${m}→${n}`);
      }
    }
    expect(ours).toEqual(rfc);
    expect(failed).toEqual([]);
  });

  it('fail when either root, the first size or any hash of the proof is wrong', () => {
    const accepted: string[] = [];
    const refuse = (what: string, verified: boolean) => verified && accepted.push(what);
    for (let n = 2; n <= 100; n += 1) {
      const second = tree.root(n);
      for (let m = 1; m < n; m += 1) {
        const first = tree.root(m);
        const proof = tree.consistencyProof(m, n);
        const at = `${m}→${n}`;
        refuse(`${at} first root`, verifyConsistency(m, n, flipped(first), second, proof));
        refuse(`${at} second root`, verifyConsistency(m, n, first, flipped(second), proof));
        refuse(`${at} first size`, verifyConsistency(m + 1, n, first, second, proof));
        refuse(`${at} empty`, verifyConsistency(m, n, first, second, []));
        refuse(`${at} extra`, verifyConsistency(m, n, first, second, [...proof, second]));
        proof.forEach((_, i) => {
          const changed = proof.map((p, j) => (i === j ? flipped(p) : p));
          refuse(`${at} hash ${i} changed`, verifyConsistency(m, n, first, second, changed));
        });
      }
    }
    expect(accepted).toEqual([]);
  });

  it('verify for random pairs of sizes up to 5000, and refuse a history that changed', () => {
    const many = leavesOf(5000);
    const big = MerkleTree.of(many);
    const rewritten = MerkleTree.of(many.map((leaf, i) => (i === 1234 ? flipped(leaf) : leaf)));
    const random = new Random('consistency');
    for (let i = 0; i < 300; i += 1) {
      const n = random.integer(2, 5000);
      const m = random.integer(1, n - 1);
      const proof = big.consistencyProof(m, n);
      expect(verifyConsistency(m, n, big.root(m), big.root(n), proof)).toBe(true);
      // A node that rewrote leaf 1234 cannot prove its new tree extends a head that held it.
      if (m > 1234) {
        const forged = rewritten.consistencyProof(m, n);
        expect(verifyConsistency(m, n, big.root(m), rewritten.root(n), forged)).toBe(false);
      }
    }
  });

  it('treat the empty tree as the start of every tree and a same-size pair as equal roots', () => {
    expect(verifyConsistency(0, 7, EMPTY_ROOT, tree.root(7), [])).toBe(true);
    expect(verifyConsistency(0, 7, tree.root(1), tree.root(7), [])).toBe(false);
    expect(verifyConsistency(7, 7, tree.root(7), tree.root(7), [])).toBe(true);
    expect(verifyConsistency(7, 7, tree.root(7), tree.root(6), [])).toBe(false);
    expect(verifyConsistency(8, 7, tree.root(8), tree.root(7), [])).toBe(false);
  });
});

describe('appending to a tree known by its peaks', () => {
  it('completes the same subtrees and roots as the whole tree, whatever the batches', () => {
    const leaves = leavesOf(100);
    const tree = MerkleTree.of(leaves);
    const random = new Random('batches');
    for (let trial = 0; trial < 20; trial += 1) {
      let peaks: SubtreeHash[] = [];
      let size = 0;
      while (size < 100) {
        const batch = leaves.slice(size, size + random.integer(1, 17));
        const appended = appendLeaves(peaks, size, batch);
        for (const node of appended.completed) expect(hex(node.hash)).toBe(hex(tree.subtree(node)));
        size += batch.length;
        peaks = appended.peaks;
        expect(peaks.map(({ level, index }) => ({ level, index }))).toEqual(peaksOf(size));
        expect(hexes(peaks.map((p) => p.hash))).toEqual(
          hexes(peaksOf(size).map((p) => tree.subtree(p))),
        );
      }
    }
  });
});
