/**
 * The shapes of an RFC 6962 tree, as index arithmetic only. Sizes and
 * indices are plain numbers (exact up to 2^53) and never go through 32-bit
 * bitwise operators.
 */

/** A complete subtree: the 2^level leaves from index · 2^level. Level 0 is one leaf. */
export interface SubtreeRef {
  readonly level: number;
  readonly index: number;
}

/** The leaves [start, end). */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** The largest power of two strictly below n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees a range is made of, left to right, each as large as
 * its alignment allows. For the ranges RFC 6962 trees and proofs use (a
 * complete subtree, or a subtree's right edge) the range's hash is these
 * folded from the right: H(s1, H(s2, … sk)).
 */
export function subtreesOf(range: LeafRange): SubtreeRef[] {
  const out: SubtreeRef[] = [];
  let at = range.start;
  while (at < range.end) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= range.end) level += 1;
    out.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return out;
}

/** The peaks of a tree of `size` leaves: its complete subtrees, largest first. */
export function peaksOf(size: number): SubtreeRef[] {
  return subtreesOf({ start: 0, end: size });
}

/**
 * The ranges whose hashes form the inclusion proof of leaf `index` in a tree
 * of `size` leaves (RFC 6962 §2.1.1 PATH), leaf's sibling first.
 */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  const outerFirst: LeafRange[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      outerFirst.push({ start: start + k, end });
      end = start + k;
    } else {
      outerFirst.push({ start, end: start + k });
      start += k;
    }
  }
  return outerFirst.reverse();
}

/**
 * The ranges whose hashes form the consistency proof between trees of
 * `first` and `second` leaves (RFC 6962 §2.1.2 PROOF); none unless 0 < first < second.
 */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  if (first <= 0 || first >= second) return [];
  const outerFirst: LeafRange[] = [];
  let start = 0;
  let end = second;
  let m = first;
  let whole = true;
  for (;;) {
    const size = end - start;
    if (m === size) {
      if (!whole) outerFirst.push({ start, end });
      break;
    }
    const k = splitPoint(size);
    if (m <= k) {
      outerFirst.push({ start: start + k, end });
      end = start + k;
    } else {
      outerFirst.push({ start, end: start + k });
      start += k;
      m -= k;
      whole = false;
    }
  }
  return outerFirst.reverse();
}
