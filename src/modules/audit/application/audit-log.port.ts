import { Transaction } from '../../../shared/transaction';
import { AuditActor, AuditEntry, AuditEvent, AuditOutcome } from '../domain/audit-entry';

export interface AuditQuery {
  readonly actorKind?: AuditActor['kind'];
  readonly actorId?: string;
  readonly channel?: AuditEvent['channel'];
  readonly outcome?: AuditOutcome;
  readonly action?: string;
  readonly limit?: number;
}

/** The append-only log of the node. */
export abstract class AuditLog {
  abstract append(entry: Omit<AuditEntry, 'seq'>, tx?: Transaction): Promise<void>;
  abstract query(query: AuditQuery): Promise<AuditEntry[]>;
}
