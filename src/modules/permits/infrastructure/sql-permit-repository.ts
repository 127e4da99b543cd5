import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import {
  DecisionChange,
  PermitRecord,
  PermitRepository,
} from '../application/permit-repository.port';
import {
  Application,
  CompletionRequest,
  Decision,
  DecisionOutcome,
  GeneralJws,
  NamedUser,
  Permit,
  PermitStatus,
} from '../domain/permit';

interface PermitRow {
  id: string;
  status: PermitStatus;
  application: Application;
  application_version: number;
  completion: CompletionRequest | null;
  decision_due_at: Date;
  jws: GeneralJws | null;
  valid_from: Date | null;
  valid_until: Date | null;
  concluded_at: Date | null;
  archived_at: Date | null;
  destroyed_at: Date | null;
  version: number;
  decisions: {
    node: string;
    outcome: DecisionOutcome;
    reason: string | null;
    decided_by: string | null;
    decided_at: string | null;
    delivered: boolean;
  }[];
}

const SELECT = `
  SELECT p.*, COALESCE(
    (SELECT json_agg(json_build_object('node', d.node_id, 'outcome', d.outcome, 'reason', d.reason,
              'decided_by', d.decided_by, 'decided_at', d.decided_at, 'delivered', d.delivered) ORDER BY d.node_id)
     FROM permit_decision d WHERE d.permit_id = p.id), '[]') AS decisions
  FROM permit p`;

@Injectable()
export class SqlPermitRepository extends PermitRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async insert(permit: Permit, decisions: readonly Decision[], tx: Transaction): Promise<void> {
    const m = managerOf(this.dataSource, tx);
    const a = permit.application;
    await m.query(
      `INSERT INTO permit (id, lead, status, application, application_version, received_at, decision_due_at,
         version, updated_at)
       VALUES ($1, $2, $3, $4, $7, $5, $6, 1, $5)`,
      [
        a.id,
        a.lead,
        permit.status,
        JSON.stringify(a),
        a.receivedAt,
        permit.decisionDueAt,
        permit.applicationVersion,
      ],
    );
    for (const d of decisions) {
      await m.query(
        `INSERT INTO permit_decision (permit_id, node_id, outcome, delivered) VALUES ($1, $2, $3, $4)`,
        [a.id, d.node, d.outcome, false],
      );
    }
  }

  async get(id: string, tx?: Transaction): Promise<PermitRecord | undefined> {
    const rows = (await managerOf(this.dataSource, tx).query(`${SELECT} WHERE p.id = $1`, [
      id,
    ])) as PermitRow[];
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async claim(id: string, tx: Transaction): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `SELECT id FROM permit WHERE id = $1 FOR UPDATE SKIP LOCKED`,
      [id],
    )) as unknown[];
    return rows.length === 1;
  }

  async list(filter: { pendingAt?: string; person?: NamedUser }): Promise<PermitRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.pendingAt) {
      params.push(filter.pendingAt);
      where.push(
        `p.status = 'REQUESTED' AND EXISTS (SELECT 1 FROM permit_decision d WHERE d.permit_id = p.id AND d.node_id = $${params.length} AND d.outcome = 'PENDING')`,
      );
    }
    if (filter.person) {
      const { issuer, subject } = filter.person;
      params.push(issuer, subject);
      const i = params.length - 1;
      where.push(
        `((p.application->'applicant'->>'issuer' = $${i} AND p.application->'applicant'->>'subject' = $${i + 1})
          OR p.application->'users' @> jsonb_build_array(jsonb_build_object('issuer', $${i}::text, 'subject', $${i + 1}::text)))`,
      );
    }
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.received_at DESC LIMIT 500`;
    return ((await this.dataSource.query(sql, params)) as PermitRow[]).map(toRecord);
  }

  async listAll(): Promise<PermitRecord[]> {
    return (
      (await this.dataSource.query(
        `${SELECT} ORDER BY p.received_at DESC LIMIT 1000`,
      )) as PermitRow[]
    ).map(toRecord);
  }

  async listInStatus(statuses: readonly PermitStatus[]): Promise<PermitRecord[]> {
    return (
      (await this.dataSource.query(`${SELECT} WHERE p.status = ANY($1::text[]) ORDER BY p.id`, [
        statuses,
      ])) as PermitRow[]
    ).map(toRecord);
  }

  async decide(
    id: string,
    node: string,
    change: DecisionChange,
    tx: Transaction,
  ): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `WITH changed AS (
         UPDATE permit_decision SET outcome = $3, reason = $4, decided_by = $5, decided_at = $6
         WHERE permit_id = $1 AND node_id = $2 AND outcome = 'PENDING' RETURNING node_id)
       SELECT node_id FROM changed`,
      [id, node, change.outcome, change.reason ?? null, change.decidedBy ?? null, change.decidedAt],
    )) as unknown[];
    return rows.length === 1;
  }

  async requestCompletion(
    id: string,
    completion: CompletionRequest,
    tx: Transaction,
  ): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `WITH changed AS (
         UPDATE permit SET completion = $2, version = version + 1, updated_at = $3
         WHERE id = $1 AND status = 'REQUESTED' AND completion IS NULL RETURNING id)
       SELECT id FROM changed`,
      [id, JSON.stringify(completion), completion.requestedAt],
    )) as unknown[];
    return rows.length === 1;
  }

  async replaceApplication(
    application: Application,
    applicationVersion: number,
    decisionDueAt: string,
    now: Date,
    tx: Transaction,
  ): Promise<boolean> {
    const m = managerOf(this.dataSource, tx);
    const rows = (await m.query(
      `WITH changed AS (
         UPDATE permit SET application = $2, application_version = $3, completion = NULL, decision_due_at = $4,
           version = version + 1, updated_at = $5
         WHERE id = $1 AND status = 'REQUESTED' AND application_version < $3 RETURNING id)
       SELECT id FROM changed`,
      [application.id, JSON.stringify(application), applicationVersion, decisionDueAt, now],
    )) as unknown[];
    if (rows.length !== 1) return false;
    await m.query(
      `UPDATE permit_decision SET outcome = 'PENDING', reason = NULL, decided_by = NULL, decided_at = NULL,
         delivered = (node_id = $2)
       WHERE permit_id = $1`,
      [application.id, application.lead],
    );
    return true;
  }

  async markDelivered(id: string, node: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE permit_decision SET delivered = true WHERE permit_id = $1 AND node_id = $2`,
      [id, node],
    );
  }

  async replaceGrant(
    id: string,
    expected: { status: PermitStatus; validUntil: string },
    granted: { jws: GeneralJws; validUntil: string },
    now: Date,
    tx: Transaction,
  ): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `WITH changed AS (
         UPDATE permit SET jws = $4, valid_until = $5, version = version + 1, updated_at = $6
         WHERE id = $1 AND status = $2 AND valid_until = $3 RETURNING id)
       SELECT id FROM changed`,
      [
        id,
        expected.status,
        expected.validUntil,
        JSON.stringify(granted.jws),
        granted.validUntil,
        now,
      ],
    )) as unknown[];
    return rows.length === 1;
  }

  async move(
    id: string,
    from: PermitStatus,
    to: PermitStatus,
    now: Date,
    tx: Transaction,
    granted?: { jws: GeneralJws; validFrom: string; validUntil: string },
  ): Promise<boolean> {
    const rows = (await managerOf(this.dataSource, tx).query(
      `WITH changed AS (
         UPDATE permit SET status = $3, version = version + 1, updated_at = $4,
           concluded_at = CASE WHEN $2 = 'REQUESTED' THEN $4 ELSE concluded_at END,
           archived_at = CASE WHEN $3 = 'ARCHIVED' THEN $4 ELSE archived_at END,
           destroyed_at = CASE WHEN $3 = 'DESTROYED' THEN $4 ELSE destroyed_at END,
           jws = COALESCE($5::jsonb, jws), valid_from = COALESCE($6::timestamptz, valid_from),
           valid_until = COALESCE($7::timestamptz, valid_until)
         WHERE id = $1 AND status = $2 RETURNING id)
       SELECT id FROM changed`,
      [
        id,
        from,
        to,
        now,
        granted ? JSON.stringify(granted.jws) : null,
        granted?.validFrom ?? null,
        granted?.validUntil ?? null,
      ],
    )) as unknown[];
    return rows.length === 1;
  }
}

function toRecord(row: PermitRow): PermitRecord {
  return {
    application: row.application,
    applicationVersion: row.application_version,
    ...(row.completion ? { completion: row.completion } : {}),
    status: row.status,
    decisionDueAt: row.decision_due_at.toISOString(),
    decisions: row.decisions.map((d) => ({
      node: d.node,
      outcome: d.outcome,
      ...(d.reason ? { reason: d.reason } : {}),
      ...(d.decided_by ? { decidedBy: d.decided_by } : {}),
      ...(d.decided_at ? { decidedAt: new Date(d.decided_at).toISOString() } : {}),
    })),
    delivered: Object.fromEntries(row.decisions.map((d) => [d.node, d.delivered])),
    ...(row.jws ? { jws: row.jws } : {}),
    ...(row.valid_from ? { validFrom: row.valid_from.toISOString() } : {}),
    ...(row.valid_until ? { validUntil: row.valid_until.toISOString() } : {}),
    ...(row.concluded_at ? { concludedAt: row.concluded_at.toISOString() } : {}),
    ...(row.archived_at ? { archivedAt: row.archived_at.toISOString() } : {}),
    ...(row.destroyed_at ? { destroyedAt: row.destroyed_at.toISOString() } : {}),
    version: row.version,
  };
}
