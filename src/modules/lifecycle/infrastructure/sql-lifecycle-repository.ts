import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import {
  Archival,
  CollectedRecord,
  Destruction,
  LifecycleRepository,
} from '../application/lifecycle-repository.port';
import { DestructionInventory } from '../domain/destruction-record';
import { ArchiveReason } from '../domain/lifecycle';

interface ArchivalRow {
  permit_id: string;
  reason: ArchiveReason;
  applied_at: Date;
  jobs_cancelled: number;
  untold: string[];
}

interface DestructionRow {
  permit_id: string;
  inventory: DestructionInventory;
  destroyed_at: Date;
  record: string | null;
  delivered_at: Date | null;
}

interface RecordRow {
  permit_id: string;
  node_id: string;
  record: string;
  destroyed_at: Date;
  received_at: Date;
}

@Injectable()
export class SqlLifecycleRepository extends LifecycleRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async archival(permitId: string, tx?: Transaction): Promise<Archival | undefined> {
    const [row] = (await managerOf(this.dataSource, tx).query(
      `SELECT * FROM permit_archival WHERE permit_id = $1`,
      [permitId],
    )) as ArchivalRow[];
    return row && toArchival(row);
  }

  async saveArchival(permitId: string, archival: Archival, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO permit_archival (permit_id, reason, applied_at, jobs_cancelled, untold)
       VALUES ($1, $2, $3, $4, $5)`,
      [permitId, archival.reason, archival.appliedAt, archival.jobsCancelled, archival.untold],
    );
  }

  async markTold(permitId: string, node: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE permit_archival SET untold = array_remove(untold, $2) WHERE permit_id = $1`,
      [permitId, node],
    );
  }

  async destruction(permitId: string, tx?: Transaction): Promise<Destruction | undefined> {
    const [row] = (await managerOf(this.dataSource, tx).query(
      `SELECT * FROM permit_destruction WHERE permit_id = $1`,
      [permitId],
    )) as DestructionRow[];
    return row && toDestruction(row);
  }

  async startDestruction(
    permitId: string,
    inventory: DestructionInventory,
    destroyedAt: Date,
    tx: Transaction,
  ): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO permit_destruction (permit_id, inventory, destroyed_at) VALUES ($1, $2, $3)`,
      [permitId, JSON.stringify(inventory), destroyedAt],
    );
  }

  async saveRecord(permitId: string, record: string, now: Date, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `UPDATE permit_destruction SET record = $2, recorded_at = $3
       WHERE permit_id = $1 AND record IS NULL`,
      [permitId, record, now],
    );
  }

  async markDelivered(permitId: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE permit_destruction SET delivered_at = $2 WHERE permit_id = $1 AND delivered_at IS NULL`,
      [permitId, now],
    );
  }

  async collect(
    permitId: string,
    record: Omit<CollectedRecord, 'receivedAt'>,
    now: Date,
    tx: Transaction,
  ): Promise<CollectedRecord> {
    const manager = managerOf(this.dataSource, tx);
    await manager.query(
      `INSERT INTO destruction_record (permit_id, node_id, record, destroyed_at, received_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (permit_id, node_id) DO NOTHING`,
      [permitId, record.node, record.record, record.destroyedAt, now],
    );
    const [row] = (await manager.query(
      `SELECT * FROM destruction_record WHERE permit_id = $1 AND node_id = $2`,
      [permitId, record.node],
    )) as RecordRow[];
    return toRecord(row!);
  }

  async collected(permitId: string): Promise<CollectedRecord[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM destruction_record WHERE permit_id = $1 ORDER BY node_id`,
      [permitId],
    )) as RecordRow[];
    return rows.map(toRecord);
  }

  async statesOf(permitIds: readonly string[]) {
    const ids = [...permitIds];
    const [archivals, destructions, records] = (await Promise.all([
      this.dataSource.query(`SELECT * FROM permit_archival WHERE permit_id = ANY($1::uuid[])`, [
        ids,
      ]),
      this.dataSource.query(
        `SELECT permit_id, inventory, destroyed_at, record, delivered_at FROM permit_destruction
         WHERE permit_id = ANY($1::uuid[])`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT permit_id, node_id FROM destruction_record WHERE permit_id = ANY($1::uuid[])`,
        [ids],
      ),
    ])) as [ArchivalRow[], DestructionRow[], Pick<RecordRow, 'permit_id' | 'node_id'>[]];
    return new Map(
      ids.map((id) => {
        const archival = archivals.find((a) => a.permit_id === id);
        const destruction = destructions.find((d) => d.permit_id === id);
        return [
          id,
          {
            ...(archival ? { archival: toArchival(archival) } : {}),
            ...(destruction ? { destruction: toDestruction(destruction) } : {}),
            recordsFrom: records.filter((r) => r.permit_id === id).map((r) => r.node_id),
          },
        ];
      }),
    );
  }
}

function toArchival(row: ArchivalRow): Archival {
  return {
    reason: row.reason,
    appliedAt: row.applied_at,
    jobsCancelled: row.jobs_cancelled,
    untold: row.untold,
  };
}

function toDestruction(row: DestructionRow): Destruction {
  return {
    inventory: row.inventory,
    destroyedAt: row.destroyed_at,
    ...(row.record ? { record: row.record } : {}),
    ...(row.delivered_at ? { deliveredAt: row.delivered_at } : {}),
  };
}

function toRecord(row: RecordRow): CollectedRecord {
  return {
    node: row.node_id,
    record: row.record,
    destroyedAt: row.destroyed_at,
    receivedAt: row.received_at,
  };
}
