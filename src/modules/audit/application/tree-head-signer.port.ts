import { SignedTreeHead, TreeHead } from '../domain/tree-head';

/** Signs this node's tree heads and checks other nodes' against the federation registry. */
export abstract class TreeHeadSigner {
  abstract sign(head: TreeHead): Promise<SignedTreeHead>;
  /** The head if `jws` is a well-formed tree head signed by a registered key of `nodeId`. */
  abstract verify(jws: string, nodeId: string): Promise<SignedTreeHead | undefined>;
}
