import { canonicalJson } from '../../permits/domain/canonical-json';
import { firstDifference } from '../domain/log-difference';
import { HASH_SIZE, leafHash, sameHash } from '../domain/merkle-hash';
import { verifyConsistency, verifyInclusion } from '../domain/merkle-proofs';
import { MerkleTree } from '../domain/merkle-tree';
import { SignedTreeHead } from '../domain/tree-head';
import { RemoteAuditLog } from './remote-audit-log.port';

const PAGE = 1000;

export type LogProblem =
  | { readonly kind: 'unsigned-head'; readonly source: 'node' | 'held' }
  | { readonly kind: 'rollback'; readonly held: SignedTreeHead }
  | { readonly kind: 'missing-entry'; readonly index: number; readonly head: SignedTreeHead }
  | {
      readonly kind: 'changed-entry';
      readonly index: number;
      /** The entry the node now serves at that place. */
      readonly entry: unknown;
      readonly head: SignedTreeHead;
    }
  | {
      readonly kind: 'differs-within';
      readonly start: number;
      readonly end: number;
      readonly head: SignedTreeHead;
    }
  | { readonly kind: 'bad-proof'; readonly what: string; readonly reason?: string };

export interface LogVerification {
  readonly head?: SignedTreeHead;
  readonly entries: number;
  readonly heldHeads: number;
  readonly proofs: number;
  readonly problem?: LogProblem;
}

export interface VerifyLogOptions {
  /** The head in `jws` if the node's own key signed it. */
  readonly checkSignature: (jws: string) => Promise<SignedTreeHead | undefined>;
  /** Heads of this node a peer fetched and kept (compact JWS). */
  readonly heldHeads?: readonly string[];
  /** How many entries to check the node's inclusion proof of (first, last, and spread between). */
  readonly inclusionSamples?: number;
  readonly onProgress?: (fetched: number, total: number) => void;
}

/**
 * Verifies a node's log without trusting the node: checks the signature of
 * its latest head (and of heads a peer held), fetches every entry, rebuilds
 * the tree from the entries alone, compares it with every signed head, and
 * checks the node's own proofs. When the entries do not rebuild a signed
 * root, it names the first entry that is not as signed.
 */
export async function verifyLog(
  log: RemoteAuditLog,
  options: VerifyLogOptions,
): Promise<LogVerification> {
  const head = await options.checkSignature(await log.latestHead());
  if (!head)
    return {
      entries: 0,
      heldHeads: 0,
      proofs: 0,
      problem: { kind: 'unsigned-head', source: 'node' },
    };
  const held: SignedTreeHead[] = [];
  for (const jws of options.heldHeads ?? []) {
    const h = await options.checkSignature(jws);
    if (!h) return result({ problem: { kind: 'unsigned-head', source: 'held' } });
    held.push(h);
  }
  function result(more: Partial<LogVerification>): LogVerification {
    return { head, entries: 0, heldHeads: held.length, proofs: 0, ...more };
  }
  const rolledBack = held.find((h) => h.treeSize > head.treeSize);
  if (rolledBack) return result({ problem: { kind: 'rollback', held: rolledBack } });

  const { tree, missing } = await rebuild(log, head.treeSize, options.onProgress);
  const entries = head.treeSize - missing.size;
  const trusted = [...held, head].sort((a, b) => a.treeSize - b.treeSize);
  const broken = trusted.find((h) => !sameHash(tree.root(h.treeSize), h.rootHash));
  if (broken) {
    const found = await firstDifference(tree, broken, (index, size) =>
      log.inclusionProof(index, size).catch(() => undefined),
    );
    if (found.kind === 'range') {
      return result({
        entries,
        problem: { kind: 'differs-within', start: found.start, end: found.end, head: broken },
      });
    }
    if (missing.has(found.index)) {
      return result({
        entries,
        problem: { kind: 'missing-entry', index: found.index, head: broken },
      });
    }
    const [now] = await log.leaves(found.index, found.index + 1);
    return result({
      entries,
      problem: { kind: 'changed-entry', index: found.index, entry: now?.entry, head: broken },
    });
  }

  const checks = [
    ...held.map((h) => ({
      what: `consistency from ${h.treeSize} to ${head.treeSize} entries`,
      holds: async () =>
        verifyConsistency(
          h.treeSize,
          head.treeSize,
          h.rootHash,
          head.rootHash,
          await log.consistencyProof(h.treeSize, head.treeSize),
        ),
    })),
    ...samples(head.treeSize, options.inclusionSamples ?? 8).map((index) => ({
      what: `inclusion of entry ${index} in the tree of ${head.treeSize}`,
      holds: async () => {
        const proof = await log.inclusionProof(index, head.treeSize);
        return verifyInclusion(index, head.treeSize, tree.leaf(index), proof.path, head.rootHash);
      },
    })),
  ];
  let proofs = 0;
  for (const check of checks) {
    proofs += 1;
    let holds: boolean;
    try {
      holds = await check.holds();
    } catch (error) {
      const reason = (error as Error).message;
      return result({ entries, proofs, problem: { kind: 'bad-proof', what: check.what, reason } });
    }
    if (!holds)
      return result({ entries, proofs, problem: { kind: 'bad-proof', what: check.what } });
  }
  return result({ entries, proofs });
}

/** The tree of the entries as served, and the places the node served none at. */
async function rebuild(
  log: RemoteAuditLog,
  size: number,
  onProgress?: (fetched: number, total: number) => void,
): Promise<{ tree: MerkleTree; missing: Set<number> }> {
  // 32 bytes a leaf end to end, zero (no entry hashes to it) where nothing was served.
  const hashes = Buffer.alloc(size * HASH_SIZE);
  const served = new Uint8Array(size);
  for (let start = 0; start < size; start += PAGE) {
    const end = Math.min(start + PAGE, size);
    for (const leaf of await log.leaves(start, end)) {
      if (leaf.index < start || leaf.index >= end || served[leaf.index]) continue;
      const hash = entryLeafHash(leaf.entry);
      if (!hash) continue;
      served[leaf.index] = 1;
      hash.copy(hashes, leaf.index * HASH_SIZE);
    }
    onProgress?.(end, size);
  }
  const missing = new Set<number>();
  served.forEach((s, index) => s === 0 && missing.add(index));
  return { tree: MerkleTree.ofConcatenated(hashes), missing };
}

/** SHA-256(0x00 || RFC 8785 JSON of the entry), whatever fields it has; none for no entry. */
function entryLeafHash(entry: unknown): Buffer | undefined {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  try {
    return leafHash(Buffer.from(canonicalJson(entry), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Up to `count` indices spread over [0, size), first and last included. */
function samples(size: number, count: number): number[] {
  if (size === 0) return [];
  const n = Math.min(count, size);
  if (n === 1) return [0];
  return [...new Set(Array.from({ length: n }, (_, i) => Math.round((i * (size - 1)) / (n - 1))))];
}
