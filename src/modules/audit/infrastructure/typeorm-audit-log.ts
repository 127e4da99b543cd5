import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import { AuditFilter, AuditLog, AuditQuery, PlacedRecord } from '../application/audit-log.port';
import { AuditEntry } from '../domain/audit-entry';
import { AuditEntryEntity } from './audit-entry.entity';
import { toAuditEntry, toAuditRow } from './audit-entry.mapper';
import { AUDIT_ROW_COLUMNS, AuditRow, bufferOf, toAuditRecord } from './audit-record.mapper';

@Injectable()
export class TypeOrmAuditLog extends AuditLog {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async append(entry: Omit<AuditEntry, 'seq'>, tx?: Transaction): Promise<void> {
    const row = toAuditRow(entry) as QueryDeepPartialEntity<AuditEntryEntity>;
    await managerOf(this.dataSource, tx).insert(AuditEntryEntity, row);
  }

  async query(query: AuditQuery): Promise<AuditEntry[]> {
    const rows = await this.dataSource.manager.find(AuditEntryEntity, {
      where: {
        actorKind: query.actorKind,
        actorId: query.actorId,
        channel: query.channel,
        outcome: query.outcome,
        action: query.action,
      },
      order: { seq: 'ASC' },
      take: Math.min(query.limit ?? 1000, 10_000),
    });
    return rows.map(toAuditEntry);
  }

  async search(
    filter: AuditFilter,
    afterSeq: string | undefined,
    limit: number,
  ): Promise<PlacedRecord[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const holds = (sql: (p: string) => string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    holds((p) => `a.seq > ${p}::bigint`, afterSeq);
    holds((p) => `a.permit_id = ${p}`, filter.permitId);
    holds((p) => `a.actor_kind = 'user' AND a.actor_id = ${p}`, filter.person);
    holds((p) => `a.actor_kind = 'peer' AND a.actor_id = ${p}`, filter.peer);
    holds((p) => `a.action = ${p}`, filter.action);
    holds((p) => `a.outcome = ${p}`, filter.outcome);
    holds((p) => `a.occurred_at >= ${p}`, filter.from);
    holds((p) => `a.occurred_at < ${p}`, filter.to);
    params.push(limit);
    const rows = (await this.dataSource.query(
      `SELECT ${AUDIT_ROW_COLUMNS('a')}, l.leaf_index, l.leaf_hash
         FROM audit_log a
         LEFT JOIN LATERAL (SELECT * FROM audit_leaf WHERE seq = a.seq) l ON true
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.seq
        LIMIT $${params.length}`,
      params,
    )) as (AuditRow & { leaf_index: string | null; leaf_hash: Uint8Array | null })[];
    return rows.map((row) => ({
      record: toAuditRecord(row),
      ...(row.leaf_index !== null && row.leaf_hash
        ? { leaf: { index: Number(row.leaf_index), hash: bufferOf(row.leaf_hash) } }
        : {}),
    }));
  }

  async oldestEntryAt(): Promise<Date | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT occurred_at FROM audit_log ORDER BY occurred_at LIMIT 1`,
    )) as { occurred_at: Date }[];
    return row ? new Date(row.occurred_at) : undefined;
  }
}
