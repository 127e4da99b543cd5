import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import { GateDecision } from '../../airlock/domain/output-gate.rules';
import { JobRun, JobRunRepository } from '../application/job-run-repository.port';
import { JobSpec } from '../domain/job';

interface JobRunRow {
  job_id: string;
  round: number;
  permit_id: string;
  spec: JobSpec;
  state: JobRun['state'];
  contribution: unknown;
  persons: number | null;
  findings: Extract<GateDecision, { outcome: 'BLOCKED' }>['findings'] | null;
  reason: string | null;
}

@Injectable()
export class SqlJobRunRepository extends JobRunRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async get(jobId: string, round: number): Promise<JobRun | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT * FROM job_run WHERE job_id = $1 AND round = $2`,
      [jobId, round],
    )) as JobRunRow[];
    if (!row) return undefined;
    const decision: GateDecision | undefined =
      row.state === 'RELEASED'
        ? { outcome: 'RELEASED', contribution: row.contribution, persons: row.persons ?? 0 }
        : row.state === 'BLOCKED' || row.state === 'AWAITING_REVIEW'
          ? { outcome: row.state, findings: row.findings ?? [] }
          : undefined;
    return {
      jobId: row.job_id,
      round: row.round,
      permitId: row.permit_id,
      spec: row.spec,
      state: row.state,
      decision,
      reason: row.reason ?? undefined,
    };
  }

  async record(
    run: { spec: JobSpec; round: number; lead: string; startedAt: Date },
    outcome: { decision: GateDecision } | { failed: string },
    now: Date,
    tx: Transaction,
  ): Promise<void> {
    const decision = 'decision' in outcome ? outcome.decision : undefined;
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO job_run (job_id, round, permit_id, lead, spec, state, contribution, persons,
         findings, reason, started_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (job_id, round) DO UPDATE SET state = $6, contribution = $7, persons = $8,
         findings = $9, reason = $10, started_at = $11, finished_at = $12
       WHERE job_run.state IN ('RUNNING', 'FAILED')`,
      [
        run.spec.jobId,
        run.round,
        run.spec.permitId,
        run.lead,
        JSON.stringify(run.spec),
        decision ? decision.outcome : 'FAILED',
        decision?.outcome === 'RELEASED' ? JSON.stringify(decision.contribution) : null,
        decision?.outcome === 'RELEASED' ? decision.persons : null,
        decision && decision.outcome !== 'RELEASED' ? JSON.stringify(decision.findings) : null,
        'failed' in outcome ? outcome.failed : null,
        run.startedAt,
        now,
      ],
    );
  }

  async deleteUnreleased(permitId: string, tx: Transaction): Promise<number> {
    const manager = managerOf(this.dataSource, tx);
    // The audit log keeps the reviews; the runs (job_run) hold no contribution that did not leave.
    await manager.query(
      `DELETE FROM airlock_review WHERE output_id IN
         (SELECT id FROM airlock_output WHERE permit_id = $1 AND state <> 'RELEASED')`,
      [permitId],
    );
    const rows = (await manager.query(
      `WITH deleted AS (
         DELETE FROM airlock_output WHERE permit_id = $1 AND state <> 'RELEASED' RETURNING 1)
       SELECT count(*) AS count FROM deleted`,
      [permitId],
    )) as [{ count: string | number }];
    return Number(rows[0].count);
  }
}
