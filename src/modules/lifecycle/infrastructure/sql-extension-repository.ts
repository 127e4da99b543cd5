import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import { ExtensionRepository } from '../application/extension-repository.port';
import { Extension, ExtensionDecision, ExtensionStatus } from '../domain/extension';

interface ExtensionRow {
  id: string;
  permit_id: string;
  valid_until: Date;
  previous_valid_until: Date;
  reason: string;
  requested_by: string;
  requested_at: Date;
  status: ExtensionStatus;
  decisions: Record<string, ExtensionDecision>;
  untold: string[];
  reported: boolean;
}

@Injectable()
export class SqlExtensionRepository extends ExtensionRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async insert(e: Extension, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO permit_extension (id, permit_id, valid_until, previous_valid_until, reason, requested_by,
         requested_at, status, decisions, untold, reported)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        e.id,
        e.permitId,
        e.validUntil,
        e.previousValidUntil,
        e.reason,
        e.requestedBy,
        e.requestedAt,
        e.status,
        JSON.stringify(e.decisions),
        e.untold,
        e.reported,
      ],
    );
  }

  async get(id: string, tx?: Transaction): Promise<Extension | undefined> {
    const [row] = (await managerOf(this.dataSource, tx).query(
      `SELECT * FROM permit_extension WHERE id = $1`,
      [id],
    )) as ExtensionRow[];
    return row && toExtension(row);
  }

  async latest(permitId: string, tx?: Transaction): Promise<Extension | undefined> {
    const [row] = (await managerOf(this.dataSource, tx).query(
      `SELECT * FROM permit_extension WHERE permit_id = $1 ORDER BY requested_at DESC LIMIT 1`,
      [permitId],
    )) as ExtensionRow[];
    return row && toExtension(row);
  }

  async decide(
    id: string,
    node: string,
    decision: ExtensionDecision,
    tx: Transaction,
  ): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `WITH changed AS (
         UPDATE permit_extension SET decisions = decisions || jsonb_build_object($2::text, $3::jsonb)
         WHERE id = $1 AND status = 'PENDING' AND NOT (decisions ? $2::text) RETURNING id)
       SELECT id FROM changed`,
      [id, node, JSON.stringify(decision)],
    )) as unknown[];
    return rows.length === 1;
  }

  async conclude(
    id: string,
    status: Exclude<ExtensionStatus, 'PENDING'>,
    untold: readonly string[],
    now: Date,
    tx: Transaction,
  ): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `WITH changed AS (
         UPDATE permit_extension SET status = $2, untold = $3, concluded_at = $4
         WHERE id = $1 AND status = 'PENDING' RETURNING id)
       SELECT id FROM changed`,
      [id, status, [...untold], now],
    )) as unknown[];
    return rows.length === 1;
  }

  async lapse(permitId: string, now: Date, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `UPDATE permit_extension SET status = 'LAPSED', untold = '{}', concluded_at = $2
       WHERE permit_id = $1 AND status = 'PENDING'`,
      [permitId, now],
    );
  }

  async markTold(id: string, node: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE permit_extension SET untold = array_remove(untold, $2) WHERE id = $1`,
      [id, node],
    );
  }

  async markReported(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE permit_extension SET reported = true WHERE id = $1`, [id]);
  }

  async latestOf(permitIds: readonly string[]): Promise<Map<string, Extension>> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (permit_id) * FROM permit_extension
       WHERE permit_id = ANY($1::uuid[]) ORDER BY permit_id, requested_at DESC`,
      [[...permitIds]],
    )) as ExtensionRow[];
    return new Map(rows.map((r) => [r.permit_id, toExtension(r)]));
  }
}

function toExtension(row: ExtensionRow): Extension {
  return {
    id: row.id,
    permitId: row.permit_id,
    validUntil: row.valid_until.toISOString(),
    previousValidUntil: row.previous_valid_until.toISOString(),
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    status: row.status,
    decisions: row.decisions,
    untold: row.untold,
    reported: row.reported,
  };
}
