import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import {
  AuditTreeStore,
  OwnTreeHead,
  PendingCursor,
  PendingRecord,
  TreeLeaf,
} from '../application/audit-tree.port';
import { SubtreeHash } from '../domain/compact-range';
import { SubtreeRef } from '../domain/merkle-ranges';
import { AUDIT_ROW_COLUMNS, AuditRow, bufferOf, toAuditRecord } from './audit-record.mapper';

const hex = (b: Buffer) => b.toString('hex');

@Injectable()
export class SqlAuditTreeStore extends AuditTreeStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async horizon(): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`,
    )) as { xmin: string }[];
    return row!.xmin;
  }

  async lockForAppend(tx: Transaction): Promise<string> {
    const [row] = (await managerOf(this.dataSource, tx).query(
      `SELECT xid_floor::text AS floor FROM audit_tree_state FOR UPDATE`,
    )) as { floor: string }[];
    return row!.floor;
  }

  async pending(
    floor: string,
    after: PendingCursor | undefined,
    limit: number,
    tx: Transaction,
  ): Promise<PendingRecord[]> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `SELECT ${AUDIT_ROW_COLUMNS('a')}, a.xid::text AS xid
         FROM audit_log a
        WHERE (a.xid, a.seq) > ($2::xid8, $3::bigint) AND a.xid >= $1::xid8
          AND NOT EXISTS (SELECT 1 FROM audit_leaf l WHERE l.seq = a.seq)
        ORDER BY a.xid, a.seq
        LIMIT $4`,
      [floor, after?.xid ?? floor, after?.seq ?? '0', limit],
    )) as (AuditRow & { xid: string })[];
    return rows.map((row) => ({ record: toAuditRecord(row), xid: row.xid }));
  }

  async append(
    firstIndex: number,
    seqs: readonly string[],
    leaves: readonly Buffer[],
    completed: readonly SubtreeHash[],
    tx: Transaction,
  ): Promise<void> {
    const m = managerOf(this.dataSource, tx);
    await m.query(
      `INSERT INTO audit_leaf (leaf_index, seq, leaf_hash)
       SELECT $1::bigint + n - 1, s, decode(h, 'hex')
         FROM unnest($2::bigint[], $3::text[]) WITH ORDINALITY AS u(s, h, n)`,
      [firstIndex, seqs, leaves.map(hex)],
    );
    if (completed.length > 0) {
      await m.query(
        `INSERT INTO audit_subtree (level, position, hash)
         SELECT l, p, decode(h, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) AS u(l, p, h)`,
        [
          completed.map((c) => c.level),
          completed.map((c) => c.index),
          completed.map((c) => hex(c.hash)),
        ],
      );
    }
  }

  async raiseFloor(horizon: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE audit_tree_state SET xid_floor = greatest(xid_floor, $1::xid8)`,
      [horizon],
    );
  }

  async size(tx?: Transaction): Promise<number> {
    const [row] = (await managerOf(this.dataSource, tx).query(
      `SELECT leaf_index FROM audit_leaf ORDER BY leaf_index DESC LIMIT 1`,
    )) as { leaf_index: string }[];
    return row ? Number(row.leaf_index) + 1 : 0;
  }

  async subtrees(refs: readonly SubtreeRef[], tx?: Transaction): Promise<Buffer[]> {
    if (refs.length === 0) return [];
    const rows = (await managerOf(this.dataSource, tx).query(
      `SELECT r.level, r.position, coalesce(s.hash, l.leaf_hash) AS hash
         FROM unnest($1::smallint[], $2::bigint[]) AS r(level, position)
         LEFT JOIN audit_subtree s ON r.level > 0 AND s.level = r.level AND s.position = r.position
         LEFT JOIN audit_leaf l ON r.level = 0 AND l.leaf_index = r.position`,
      [refs.map((r) => r.level), refs.map((r) => r.index)],
    )) as { level: number; position: string; hash: Uint8Array | null }[];
    const found = new Map(rows.map((r) => [`${r.level}/${r.position}`, r.hash]));
    return refs.map((ref) => {
      const hash = found.get(`${ref.level}/${ref.index}`);
      if (!hash) throw new Error(`The tree has no subtree ${ref.level}/${ref.index}`);
      return bufferOf(hash);
    });
  }

  async leaves(start: number, end: number): Promise<TreeLeaf[]> {
    const rows = (await this.dataSource.query(
      // Lateral: one index lookup per leaf, never a scan of the whole log.
      `SELECT l.leaf_index, l.leaf_hash, ${AUDIT_ROW_COLUMNS('a')}
         FROM audit_leaf l
         LEFT JOIN LATERAL (SELECT * FROM audit_log WHERE seq = l.seq) a ON true
        WHERE l.leaf_index >= $1 AND l.leaf_index < $2
        ORDER BY l.leaf_index`,
      [start, end],
    )) as (Partial<AuditRow> & { leaf_index: string; leaf_hash: Uint8Array })[];
    return rows.map((row) => ({
      index: Number(row.leaf_index),
      hash: bufferOf(row.leaf_hash),
      record:
        row.seq === null || row.seq === undefined ? undefined : toAuditRecord(row as AuditRow),
    }));
  }

  async indexOf(seq: string): Promise<number | undefined> {
    const [row] = (await this.dataSource.query(`SELECT leaf_index FROM audit_leaf WHERE seq = $1`, [
      seq,
    ])) as { leaf_index: string }[];
    return row ? Number(row.leaf_index) : undefined;
  }

  async latestHead(): Promise<OwnTreeHead | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT tree_size, root_hash, signed_at, jws FROM audit_tree_head ORDER BY id DESC LIMIT 1`,
    )) as { tree_size: string; root_hash: Uint8Array; signed_at: Date; jws: string }[];
    if (!row) return undefined;
    return {
      treeSize: Number(row.tree_size),
      rootHash: bufferOf(row.root_hash),
      timestamp: new Date(row.signed_at),
      jws: row.jws,
    };
  }

  async saveHead(head: OwnTreeHead): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_tree_head (tree_size, root_hash, signed_at, jws)
       VALUES ($1, decode($2, 'hex'), $3, $4)`,
      [head.treeSize, hex(head.rootHash), head.timestamp, head.jws],
    );
  }
}
