import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import type { Filter } from '../../analysis/domain/filters';
import { canonicalJson } from '../../permits/domain/canonical-json';
import { ReleasedPopulations } from '../application/released-populations.port';
import type { ReleasedPopulation } from '../domain/population.rules';

@Injectable()
export class SqlReleasedPopulations extends ReleasedPopulations {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async of(permitId: string, dataset: string): Promise<ReleasedPopulation[]> {
    const rows = (await this.dataSource.query(
      `SELECT job_id, filters FROM airlock_population
       WHERE permit_id = $1 AND dataset = $2 ORDER BY released_at, filters`,
      [permitId, dataset],
    )) as { job_id: string; filters: string }[];
    return rows.map((row) => ({
      jobId: row.job_id,
      filters: JSON.parse(row.filters) as Filter[],
    }));
  }

  async remember(
    permitId: string,
    dataset: string,
    filters: readonly Filter[],
    jobId: string,
    now: Date,
    tx: Transaction,
  ): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO airlock_population (permit_id, dataset, filters, job_id, released_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [permitId, dataset, canonicalJson(filters), jobId, now],
    );
  }
}
