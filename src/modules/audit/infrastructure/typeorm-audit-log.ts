import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import { AuditLog, AuditQuery } from '../application/audit-log.port';
import { AuditEntry } from '../domain/audit-entry';
import { AuditEntryEntity } from './audit-entry.entity';
import { toAuditEntry, toAuditRow } from './audit-entry.mapper';

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
}
