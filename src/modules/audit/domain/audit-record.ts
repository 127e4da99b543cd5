import { canonicalJson } from '../../permits/domain/canonical-json';
import { AuditChannel, AuditOutcome } from './audit-entry';
import { leafHash } from './merkle-hash';

/**
 * An audit entry exactly as it is stored, one field per column, and as it
 * is hashed into the tree. Its leaf is SHA-256(0x00 || UTF-8 of the RFC 8785
 * canonical JSON of this object), so anyone holding the object can compute
 * the leaf without knowing its fields (ADR 9).
 */
export interface AuditRecord {
  /** The serialization's version: a new one may add fields, old leaves keep theirs. */
  readonly version: 1;
  /** The row's id, a decimal string (bigint). */
  readonly seq: string;
  /** ISO 8601 in UTC with milliseconds, as Date.prototype.toISOString writes it. */
  readonly occurredAt: string;
  readonly requestId: string | null;
  readonly channel: AuditChannel;
  readonly actorKind: 'user' | 'peer' | 'anonymous' | 'system';
  readonly actorId: string | null;
  readonly action: string;
  readonly permitId: string | null;
  readonly outcome: AuditOutcome;
  readonly errorCode: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/** The bytes a record's leaf hashes. Throws on a value canonical JSON cannot hold. */
export function recordBytes(record: AuditRecord): Buffer {
  return Buffer.from(canonicalJson(record), 'utf8');
}

export function recordLeafHash(record: AuditRecord): Buffer {
  return leafHash(recordBytes(record));
}
