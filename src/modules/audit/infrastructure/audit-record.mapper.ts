import { AuditRecord } from '../domain/audit-record';

/** The columns of an `audit_log` row as the database driver returns them. */
export interface AuditRow {
  readonly seq: string;
  readonly occurred_at: Date;
  readonly request_id: string | null;
  readonly channel: AuditRecord['channel'];
  readonly actor_kind: AuditRecord['actorKind'];
  readonly actor_id: string | null;
  readonly action: string;
  readonly permit_id: string | null;
  readonly outcome: AuditRecord['outcome'];
  readonly error_code: string | null;
  readonly details: Record<string, unknown>;
}

export const AUDIT_ROW_COLUMNS = (alias: string) =>
  [
    'seq',
    'occurred_at',
    'request_id',
    'channel',
    'actor_kind',
    'actor_id',
    'action',
    'permit_id',
    'outcome',
    'error_code',
    'details',
  ]
    .map((c) => `${alias}.${c}`)
    .join(', ');

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    version: 1,
    seq: String(row.seq),
    occurredAt: new Date(row.occurred_at).toISOString(),
    requestId: row.request_id,
    channel: row.channel,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    action: row.action,
    permitId: row.permit_id,
    outcome: row.outcome,
    errorCode: row.error_code,
    details: row.details,
  };
}

/** bytea comes back as a Buffer from `pg` and as a Uint8Array from the embedded database. */
export function bufferOf(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value);
}
