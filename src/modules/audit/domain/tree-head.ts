import { sameHash } from './merkle-hash';

/** A tree at one moment: how many leaves, its root, and when the node signed it. */
export interface TreeHead {
  readonly treeSize: number;
  readonly rootHash: Buffer;
  readonly timestamp: Date;
}

/** A tree head as the node signed it: a compact JWS (EdDSA) over `treeHeadPayload`. */
export interface SignedTreeHead extends TreeHead {
  /** The node that signed it. */
  readonly issuer: string;
  readonly jws: string;
}

/**
 * The JWS payload, as canonical JSON (RFC 8785): the node id, the tree size,
 * the root hash in base64 and the time in milliseconds since 1970, as
 * Certificate Transparency's signed tree heads carry them.
 */
export function treeHeadPayload(issuer: string, head: TreeHead) {
  return {
    iss: issuer,
    tree_size: head.treeSize,
    root_hash: head.rootHash.toString('base64'),
    timestamp: head.timestamp.getTime(),
  };
}

/**
 * What a newer head of a node says about the one held before: the same tree,
 * a tree that must be proven to extend it, another tree of the same size (a
 * fork), or fewer leaves than the node signed before (a rollback).
 */
export type HeadComparison = 'same' | 'to-prove' | 'fork' | 'rollback';

export function compareHeads(held: TreeHead, next: TreeHead): HeadComparison {
  if (next.treeSize < held.treeSize) return 'rollback';
  if (next.treeSize > held.treeSize) return 'to-prove';
  return sameHash(next.rootHash, held.rootHash) ? 'same' : 'fork';
}
