import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import { JobRepository, NodeOutcome, Part } from '../application/job-repository.port';
import { Job, JobNode, JobResult, JobSpec, JobStatus } from '../domain/job';

interface JobRow {
  id: string;
  permit_id: string;
  spec: JobSpec;
  status: JobStatus;
  round: number;
  state: unknown;
  result: JobResult | null;
  submitted_at: Date;
  finished_at: Date | null;
  parts: {
    node: string;
    round: number;
    state: JobNode['state'];
    attempts: number;
    lease_until: string | null;
    contribution: unknown;
    persons: number | null;
    findings: JobNode['findings'] | null;
    reason: string | null;
    finished_at: string | null;
  }[];
}

const SELECT = `
  SELECT j.*, COALESCE((SELECT json_agg(json_build_object(
      'node', n.node_id, 'round', n.round, 'state', n.state, 'attempts', n.attempts,
      'lease_until', n.lease_until, 'contribution', n.contribution, 'persons', n.persons,
      'findings', n.findings, 'reason', n.reason, 'finished_at', n.finished_at)
      ORDER BY n.round, n.node_id)
    FROM job_node n WHERE n.job_id = j.id), '[]') AS parts
  FROM job j`;

@Injectable()
export class SqlJobRepository extends JobRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async insert(
    spec: JobSpec,
    nodes: readonly string[],
    state: unknown,
    now: Date,
    tx: Transaction,
  ): Promise<void> {
    const manager = managerOf(this.dataSource, tx);
    await manager.query(
      `INSERT INTO job (id, permit_id, kind, spec, submitted_by, status, submitted_at, state)
       VALUES ($1, $2, $3, $4, $5, 'RUNNING', $6, $7)`,
      [
        spec.jobId,
        spec.permitId,
        spec.kind,
        JSON.stringify(spec),
        JSON.stringify(spec.submittedBy),
        now,
        state === undefined ? null : JSON.stringify(state),
      ],
    );
    await this.queue(spec.jobId, 1, nodes, tx);
  }

  async get(id: string, tx?: Transaction): Promise<Job | undefined> {
    const [row] = (await managerOf(this.dataSource, tx).query(`${SELECT} WHERE j.id = $1`, [
      id,
    ])) as JobRow[];
    return row && toJob(row);
  }

  async listForPermit(permitId: string): Promise<Job[]> {
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE j.permit_id = $1 ORDER BY j.submitted_at DESC LIMIT 500`,
      [permitId],
    )) as JobRow[];
    return rows.map(toJob);
  }

  async runningForPermit(permitId: string, tx: Transaction): Promise<Job[]> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `${SELECT} WHERE j.permit_id = $1 AND j.status = 'RUNNING' ORDER BY j.submitted_at`,
      [permitId],
    )) as JobRow[];
    return rows.map(toJob);
  }

  async claim(now: Date, leaseUntil: Date, jobId?: string): Promise<Part[]> {
    const rows = (await this.dataSource.query(
      `WITH due AS (
         SELECT n.job_id, n.node_id, n.round FROM job_node n JOIN job j ON j.id = n.job_id
         WHERE j.status = 'RUNNING' AND n.round = j.round AND ($3::uuid IS NULL OR n.job_id = $3)
           AND (n.state = 'QUEUED' OR (n.state = 'DISPATCHED' AND n.lease_until < $1))
         ORDER BY n.job_id, n.node_id
         LIMIT 200
         FOR UPDATE OF n SKIP LOCKED),
       claimed AS (
         UPDATE job_node n SET state = 'DISPATCHED', lease_until = $2, attempts = n.attempts + 1
         FROM due WHERE n.job_id = due.job_id AND n.node_id = due.node_id AND n.round = due.round
         RETURNING n.job_id, n.node_id, n.round)
       SELECT job_id, node_id, round FROM claimed`,
      [now, leaseUntil, jobId ?? null],
    )) as { job_id: string; node_id: string; round: number }[];
    return rows.map((r) => ({ jobId: r.job_id, node: r.node_id, round: r.round }));
  }

  async settle(part: Part, outcome: NodeOutcome, now: Date, tx: Transaction): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `WITH changed AS (
         UPDATE job_node SET state = $4, contribution = $5, persons = $6, findings = $7, reason = $8,
           finished_at = CASE WHEN $4::text = 'AWAITING_REVIEW' THEN NULL ELSE $9::timestamptz END,
           lease_until = NULL
         WHERE job_id = $1 AND node_id = $2 AND round = $3 AND state = 'DISPATCHED' RETURNING job_id)
       SELECT job_id FROM changed`,
      [
        part.jobId,
        part.node,
        part.round,
        outcome.state,
        outcome.contribution === undefined ? null : JSON.stringify(outcome.contribution),
        outcome.persons ?? null,
        outcome.findings ? JSON.stringify(outcome.findings) : null,
        outcome.reason ?? null,
        now,
      ],
    )) as unknown[];
    return rows.length === 1;
  }

  async decide(
    part: Part,
    outcome: NodeOutcome & { state: 'RELEASED' | 'BLOCKED' },
    now: Date,
    tx: Transaction,
  ): Promise<'settled' | 'before' | 'unknown'> {
    const manager = managerOf(this.dataSource, tx);
    const rows = (await manager.query(
      `WITH changed AS (
         UPDATE job_node SET state = $4, contribution = $5, persons = $6, findings = $7, reason = $8,
           finished_at = $9, lease_until = NULL
         WHERE job_id = $1 AND node_id = $2 AND round = $3
           AND state IN ('DISPATCHED', 'AWAITING_REVIEW') RETURNING job_id)
       SELECT job_id FROM changed`,
      [
        part.jobId,
        part.node,
        part.round,
        outcome.state,
        outcome.contribution === undefined ? null : JSON.stringify(outcome.contribution),
        outcome.persons ?? null,
        outcome.findings ? JSON.stringify(outcome.findings) : null,
        outcome.reason ?? null,
        now,
      ],
    )) as unknown[];
    if (rows.length === 1) return 'settled';
    const known = (await manager.query(
      `SELECT 1 FROM job_node WHERE job_id = $1 AND node_id = $2 AND round = $3`,
      [part.jobId, part.node, part.round],
    )) as unknown[];
    return known.length === 1 ? 'before' : 'unknown';
  }

  async nextRound(
    jobId: string,
    from: number,
    state: unknown,
    nodes: readonly string[],
    tx: Transaction,
  ): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `WITH changed AS (
         UPDATE job SET round = round + 1, state = $3
         WHERE id = $1 AND round = $2 AND status = 'RUNNING' RETURNING id)
       SELECT id FROM changed`,
      [jobId, from, JSON.stringify(state)],
    )) as unknown[];
    if (rows.length !== 1) return false;
    await this.queue(jobId, from + 1, nodes, tx);
    return true;
  }

  async finish(
    jobId: string,
    status: Exclude<JobStatus, 'RUNNING' | 'CANCELLED'>,
    result: JobResult,
    now: Date,
    tx: Transaction,
  ): Promise<boolean> {
    return this.end(jobId, status, result, now, tx);
  }

  async cancel(jobId: string, result: JobResult, now: Date, tx: Transaction): Promise<boolean> {
    if (!(await this.end(jobId, 'CANCELLED', result, now, tx))) return false;
    await managerOf(this.dataSource, tx).query(
      `UPDATE job_node SET state = 'CANCELLED', finished_at = $2, lease_until = NULL
       WHERE job_id = $1 AND state IN ('QUEUED', 'DISPATCHED', 'AWAITING_REVIEW')`,
      [jobId, now],
    );
    return true;
  }

  private async queue(
    jobId: string,
    round: number,
    nodes: readonly string[],
    tx: Transaction,
  ): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO job_node (job_id, node_id, round, state)
       SELECT $1, unnest($2::text[]), $3, 'QUEUED'`,
      [jobId, nodes, round],
    );
  }

  private async end(
    jobId: string,
    status: Exclude<JobStatus, 'RUNNING'>,
    result: JobResult,
    now: Date,
    tx: Transaction,
  ): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `WITH changed AS (
         UPDATE job SET status = $2, result = $3, finished_at = $4
         WHERE id = $1 AND status = 'RUNNING' RETURNING id)
       SELECT id FROM changed`,
      [jobId, status, JSON.stringify(result), now],
    )) as unknown[];
    return rows.length === 1;
  }
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    permitId: row.permit_id,
    spec: row.spec,
    status: row.status,
    round: row.round,
    state: row.state ?? undefined,
    result: row.result ?? undefined,
    submittedAt: row.submitted_at,
    finishedAt: row.finished_at ?? undefined,
    parts: row.parts.map((n) => ({
      node: n.node,
      round: n.round,
      state: n.state,
      attempts: n.attempts,
      leaseUntil: n.lease_until ? new Date(n.lease_until) : undefined,
      contribution: n.contribution ?? undefined,
      persons: n.persons ?? undefined,
      findings: n.findings ?? undefined,
      reason: n.reason ?? undefined,
      finishedAt: n.finished_at ? new Date(n.finished_at) : undefined,
    })),
  };
}
