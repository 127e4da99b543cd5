import { AuditActor, AuditChannel, AuditEntry, AuditOutcome } from '../domain/audit-entry';
import { AuditEntryEntity } from './audit-entry.entity';

export function toAuditRow(entry: Omit<AuditEntry, 'seq'>): Omit<AuditEntryEntity, 'seq'> {
  const actor = entry.actor;
  const details: Record<string, unknown> = { ...entry.details };
  if (actor.kind === 'user' && actor.role) details.role = actor.role;
  return {
    occurredAt: entry.occurredAt,
    requestId: entry.requestId ?? null,
    channel: entry.channel,
    actorKind: actor.kind,
    actorId: actor.kind === 'user' || actor.kind === 'peer' ? actor.id : null,
    action: entry.action,
    permitId: entry.permitId ?? null,
    outcome: entry.outcome,
    errorCode: entry.errorCode ?? null,
    details,
  };
}

export function toAuditEntry(row: AuditEntryEntity): AuditEntry {
  const { role, ...details } = row.details;
  return {
    seq: row.seq,
    occurredAt: row.occurredAt,
    requestId: row.requestId ?? undefined,
    channel: row.channel as AuditChannel,
    actor: toActor(row.actorKind, row.actorId, typeof role === 'string' ? role : undefined),
    action: row.action,
    permitId: row.permitId ?? undefined,
    outcome: row.outcome as AuditOutcome,
    errorCode: row.errorCode ?? undefined,
    details,
  };
}

function toActor(kind: string, id: string | null, role?: string): AuditActor {
  if (kind === 'user') return { kind, id: id ?? '', ...(role ? { role } : {}) };
  if (kind === 'peer') return { kind, id: id ?? '' };
  return { kind: kind === 'system' ? 'system' : 'anonymous' };
}
