import { DataSource } from 'typeorm';
import { TestNode } from './test-federation';

/**
 * Runs statements as the database's owner can: with every trigger off
 * (the append-only ones included), in one transaction. This is the attack
 * the tree exists to reveal.
 */
export async function asDatabaseOwner(node: TestNode, statements: string[]): Promise<void> {
  await node.app.get(DataSource).transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    for (const sql of statements) await m.query(sql);
  });
}

/** Throws away the node's tree and heads, so that it rebuilds them from the log as it now is. */
export const FORGET_THE_TREE = [
  `DELETE FROM audit_tree_head`,
  `DELETE FROM audit_subtree`,
  `DELETE FROM audit_leaf`,
  `UPDATE audit_tree_state SET xid_floor = '0'`,
];
