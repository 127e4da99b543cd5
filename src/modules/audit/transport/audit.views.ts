import { PlacedRecord } from '../application/audit-log.port';
import { TreeLeaf } from '../application/audit-tree.port';
import { AuditAlert, HeldHead } from '../application/peer-heads.port';
import { SignedTreeHead } from '../domain/tree-head';

const base64 = (hash: Buffer) => hash.toString('base64');

/** An entry as stored, with its leaf: `entry` is exactly what the leaf hashes (ADR 9). */
export function placedView(placed: PlacedRecord) {
  return {
    index: placed.leaf?.index ?? null,
    leafHash: placed.leaf ? base64(placed.leaf.hash) : null,
    entry: placed.record,
  };
}

export function leafView(leaf: TreeLeaf) {
  return { index: leaf.index, leafHash: base64(leaf.hash), entry: leaf.record ?? null };
}

export function headView(head: SignedTreeHead) {
  return {
    treeSize: head.treeSize,
    rootHash: base64(head.rootHash),
    timestamp: head.timestamp.toISOString(),
    jws: head.jws,
  };
}

export const hashesView = (hashes: readonly Buffer[]) => hashes.map(base64);

export function heldHeadView(head: HeldHead) {
  return {
    ...headView(head),
    receivedAt: head.receivedAt.toISOString(),
    consistent: head.consistent,
  };
}

export function alertView(alert: AuditAlert) {
  return {
    id: alert.id,
    node: alert.node,
    kind: alert.kind,
    detectedAt: alert.detectedAt.toISOString(),
    held: heldHeadView(alert.held),
    offending: heldHeadView(alert.offending),
  };
}
