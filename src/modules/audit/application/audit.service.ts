import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/clock';
import { currentRequestId } from '../../../shared/request-context';
import { Transaction } from '../../../shared/transaction';
import { AuditEntry, AuditEvent } from '../domain/audit-entry';
import { AuditLog, AuditQuery } from './audit-log.port';

@Injectable()
export class AuditService {
  constructor(
    private readonly log: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Records an event; with `tx`, it commits or rolls back with the change it describes. */
  async record(event: AuditEvent, tx?: Transaction): Promise<void> {
    await this.log.append(
      { ...event, occurredAt: this.clock.now(), requestId: currentRequestId() },
      tx,
    );
  }

  async query(query: AuditQuery): Promise<AuditEntry[]> {
    return this.log.query(query);
  }
}
