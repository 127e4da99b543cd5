import { nodeHash } from './merkle-hash';
import { SubtreeRef } from './merkle-ranges';

export interface SubtreeHash extends SubtreeRef {
  readonly hash: Buffer;
}

/**
 * Appends leaves to a tree known only by its peaks (its complete subtrees,
 * largest first), as a Merkle mountain range does: O(1) amortised hashing
 * per leaf, never the whole tree again. Returns the new peaks and every
 * interior subtree the leaves completed, for the cache proofs are read from.
 */
export function appendLeaves(
  peaks: readonly SubtreeHash[],
  firstIndex: number,
  leaves: readonly Buffer[],
): { peaks: SubtreeHash[]; completed: SubtreeHash[] } {
  const stack = [...peaks];
  const completed: SubtreeHash[] = [];
  leaves.forEach((hash, i) => {
    stack.push({ level: 0, index: firstIndex + i, hash });
    while (stack.length >= 2 && stack.at(-1)!.level === stack.at(-2)!.level) {
      const right = stack.pop()!;
      const left = stack.pop()!;
      const parent = {
        level: left.level + 1,
        index: left.index / 2,
        hash: nodeHash(left.hash, right.hash),
      };
      stack.push(parent);
      completed.push(parent);
    }
  });
  return { peaks: stack, completed };
}
