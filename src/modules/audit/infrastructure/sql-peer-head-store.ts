import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import { AlertKind, AuditAlert, HeldHead, PeerHeadStore } from '../application/peer-heads.port';
import { SignedTreeHead } from '../domain/tree-head';
import { bufferOf } from './audit-record.mapper';

interface HeadRow {
  id: string;
  node_id: string;
  tree_size: string;
  root_hash: Uint8Array;
  signed_at: Date;
  jws: string;
  received_at: Date;
  consistent: boolean;
}

const HEAD_COLUMNS = `id, node_id, tree_size, root_hash, signed_at, jws, received_at, consistent`;

function toHeld(row: HeadRow): HeldHead {
  return {
    id: String(row.id),
    issuer: row.node_id,
    treeSize: Number(row.tree_size),
    rootHash: bufferOf(row.root_hash),
    timestamp: new Date(row.signed_at),
    jws: row.jws,
    receivedAt: new Date(row.received_at),
    consistent: row.consistent,
  };
}

@Injectable()
export class SqlPeerHeadStore extends PeerHeadStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async latestConsistent(node: string): Promise<HeldHead | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${HEAD_COLUMNS} FROM audit_peer_head
        WHERE node_id = $1 AND consistent ORDER BY tree_size DESC LIMIT 1`,
      [node],
    )) as HeadRow[];
    return row && toHeld(row);
  }

  async save(
    head: SignedTreeHead,
    consistent: boolean,
    receivedAt: Date,
    tx?: Transaction,
  ): Promise<string> {
    const m = managerOf(this.dataSource, tx);
    const params = [head.issuer, head.treeSize, head.rootHash.toString('hex')];
    await m.query(
      `INSERT INTO audit_peer_head (node_id, tree_size, root_hash, signed_at, jws, received_at, consistent)
       VALUES ($1, $2, decode($3, 'hex'), $4, $5, $6, $7)
       ON CONFLICT (node_id, tree_size, root_hash) DO NOTHING`,
      [...params, head.timestamp, head.jws, receivedAt, consistent],
    );
    const [row] = (await m.query(
      `SELECT id FROM audit_peer_head WHERE node_id = $1 AND tree_size = $2 AND root_hash = decode($3, 'hex')`,
      params,
    )) as { id: string }[];
    return String(row!.id);
  }

  async saveAlert(
    alert: { node: string; kind: AlertKind; heldId: string; offendingId: string; detectedAt: Date },
    tx: Transaction,
  ): Promise<boolean> {
    const inserted = (await managerOf(this.dataSource, tx).query(
      `INSERT INTO audit_alert (node_id, kind, detected_at, held_head_id, new_head_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (new_head_id) DO NOTHING
       RETURNING id`,
      [alert.node, alert.kind, alert.detectedAt, alert.heldId, alert.offendingId],
    )) as unknown[];
    return inserted.length > 0;
  }

  async heads(node: string): Promise<HeldHead[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${HEAD_COLUMNS} FROM audit_peer_head WHERE node_id = $1 ORDER BY id`,
      [node],
    )) as HeadRow[];
    return rows.map(toHeld);
  }

  async alerts(): Promise<AuditAlert[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, node_id, kind, detected_at, held_head_id, new_head_id FROM audit_alert ORDER BY id`,
    )) as {
      id: string;
      node_id: string;
      kind: AlertKind;
      detected_at: Date;
      held_head_id: string;
      new_head_id: string;
    }[];
    if (rows.length === 0) return [];
    const heads = (await this.dataSource.query(
      `SELECT ${HEAD_COLUMNS} FROM audit_peer_head WHERE id = ANY($1::bigint[])`,
      [rows.flatMap((r) => [String(r.held_head_id), String(r.new_head_id)])],
    )) as HeadRow[];
    const byId = new Map(heads.map((h) => [String(h.id), toHeld(h)]));
    return rows.map((r) => ({
      id: String(r.id),
      node: r.node_id,
      kind: r.kind,
      detectedAt: new Date(r.detected_at),
      held: byId.get(String(r.held_head_id))!,
      offending: byId.get(String(r.new_head_id))!,
    }));
  }
}
