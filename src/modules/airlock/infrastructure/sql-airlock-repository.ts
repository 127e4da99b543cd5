import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import { AirlockRepository } from '../application/airlock-repository.port';
import { HeldOutput, HeldState, Review } from '../domain/held-output';

interface Row {
  id: string;
  job_id: string;
  round: number;
  permit_id: string;
  lead: string;
  spec: HeldOutput['spec'];
  contribution: unknown;
  persons: number;
  findings: HeldOutput['findings'];
  status: HeldOutput['status'];
  state: HeldState;
  reason: string | null;
  held_at: Date;
  decided_at: Date | null;
  delivered_at: Date | null;
  reviews: {
    issuer: string;
    subject: string;
    decision: Review['decision'];
    reason: string;
    reviewed_at: string;
  }[];
}

const SELECT = `
  SELECT o.*, COALESCE((SELECT json_agg(json_build_object(
      'issuer', r.reviewer_issuer, 'subject', r.reviewer_subject, 'decision', r.decision,
      'reason', r.reason, 'reviewed_at', r.reviewed_at) ORDER BY r.reviewed_at)
    FROM airlock_review r WHERE r.output_id = o.id), '[]') AS reviews
  FROM airlock_output o`;

@Injectable()
export class SqlAirlockRepository extends AirlockRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async hold(
    o: Omit<HeldOutput, 'reviews' | 'state' | 'decidedAt' | 'deliveredAt' | 'reason'>,
    tx: Transaction,
  ): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO airlock_output (id, job_id, round, permit_id, lead, spec, contribution, persons,
         findings, status, state, held_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'AWAITING_REVIEW', $11)`,
      [
        o.id,
        o.jobId,
        o.round,
        o.permitId,
        o.lead,
        JSON.stringify(o.spec),
        JSON.stringify(o.contribution),
        o.persons,
        JSON.stringify(o.findings),
        o.status,
        o.heldAt,
      ],
    );
  }

  async get(id: string, tx?: Transaction): Promise<HeldOutput | undefined> {
    const [row] = (await managerOf(this.dataSource, tx).query(`${SELECT} WHERE o.id = $1`, [
      id,
    ])) as Row[];
    return row && toHeld(row);
  }

  async forRun(jobId: string, round: number): Promise<HeldOutput | undefined> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE o.job_id = $1 AND o.round = $2`, [
      jobId,
      round,
    ])) as Row[];
    return row && toHeld(row);
  }

  async list(state?: HeldState): Promise<HeldOutput[]> {
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE ($1::text IS NULL OR o.state = $1) ORDER BY o.held_at LIMIT 500`,
      [state ?? null],
    )) as Row[];
    return rows.map(toHeld);
  }

  async addReview(id: string, review: Review, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO airlock_review (output_id, reviewer_issuer, reviewer_subject, decision, reason,
         reviewed_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        id,
        review.reviewer.issuer,
        review.reviewer.subject,
        review.decision,
        review.reason,
        review.reviewedAt,
      ],
    );
  }

  async decide(
    id: string,
    state: Exclude<HeldState, 'AWAITING_REVIEW'>,
    reason: string,
    now: Date,
    tx: Transaction,
  ): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `WITH changed AS (
         UPDATE airlock_output SET state = $2, reason = $3, decided_at = $4
         WHERE id = $1 AND state = 'AWAITING_REVIEW' RETURNING id)
       SELECT id FROM changed`,
      [id, state, reason, now],
    )) as unknown[];
    return rows.length === 1;
  }

  async undelivered(): Promise<HeldOutput[]> {
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE o.state <> 'AWAITING_REVIEW' AND o.delivered_at IS NULL
       ORDER BY o.decided_at LIMIT 100`,
    )) as Row[];
    return rows.map(toHeld);
  }

  async markDelivered(id: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE airlock_output SET delivered_at = $2 WHERE id = $1 AND delivered_at IS NULL`,
      [id, now],
    );
  }
}

function toHeld(row: Row): HeldOutput {
  return {
    id: row.id,
    jobId: row.job_id,
    round: row.round,
    permitId: row.permit_id,
    lead: row.lead,
    spec: row.spec,
    contribution: row.contribution,
    persons: Number(row.persons),
    findings: row.findings,
    status: row.status,
    state: row.state,
    reason: row.reason ?? undefined,
    heldAt: new Date(row.held_at),
    decidedAt: row.decided_at ? new Date(row.decided_at) : undefined,
    deliveredAt: row.delivered_at ? new Date(row.delivered_at) : undefined,
    reviews: row.reviews.map((r) => ({
      reviewer: { issuer: r.issuer, subject: r.subject },
      decision: r.decision,
      reason: r.reason,
      reviewedAt: new Date(r.reviewed_at),
    })),
  };
}
