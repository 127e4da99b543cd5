import { InclusionProof } from '../domain/log-difference';

/** One leaf as a node serves it: the entry it says the leaf hashes, or null if it has none. */
export interface RemoteLeaf {
  readonly index: number;
  readonly entry: unknown;
}

/** A node's audit log as any client of its auditor API reaches it. Nothing it says is trusted. */
export abstract class RemoteAuditLog {
  /** The node's latest signed tree head, as a compact JWS. */
  abstract latestHead(): Promise<string>;
  /** Leaves [start, end) in tree order (at most 1000). */
  abstract leaves(start: number, end: number): Promise<RemoteLeaf[]>;
  abstract inclusionProof(index: number, treeSize: number): Promise<InclusionProof>;
  abstract consistencyProof(first: number, second: number): Promise<Buffer[]>;
}
