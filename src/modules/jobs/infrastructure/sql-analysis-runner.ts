import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LocalQuery } from '../../analysis/domain/analysis-kind';
import { AnalysisRunner } from '../application/analysis-runner.port';

/** Runs a kind's statement in a read-only transaction: a workspace is never written by an analysis. */
@Injectable()
export class SqlAnalysisRunner extends AnalysisRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(query: LocalQuery): Promise<Record<string, unknown>[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return (await manager.query(query.sql, [...query.values])) as Record<string, unknown>[];
    });
  }
}
