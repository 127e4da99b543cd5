import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/clock';
import { currentRequestId } from '../../../shared/request-context';
import { Transaction } from '../../../shared/transaction';
import { AuditEntry, AuditEvent } from '../domain/audit-entry';
import { AuditFilter, AuditLog, AuditQuery, PlacedRecord } from './audit-log.port';

const EXPORT_PAGE = 1000;

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

  /** One page of the entries an auditor selected, and the cursor of the next page. */
  async search(
    filter: AuditFilter,
    page: { after?: string; limit: number },
  ): Promise<{ entries: PlacedRecord[]; next?: string }> {
    const entries = await this.log.search(filter, page.after, page.limit);
    const full = entries.length === page.limit;
    return { entries, ...(full ? { next: entries.at(-1)!.record.seq } : {}) };
  }

  /** Every entry an auditor selected, page by page, for an export. */
  async *export(filter: AuditFilter): AsyncGenerator<PlacedRecord[]> {
    let after: string | undefined;
    for (;;) {
      const page = await this.search(filter, { after, limit: EXPORT_PAGE });
      if (page.entries.length > 0) yield page.entries;
      if (!page.next) return;
      after = page.next;
    }
  }

  async oldestEntryAt(): Promise<Date | undefined> {
    return this.log.oldestEntryAt();
  }
}
