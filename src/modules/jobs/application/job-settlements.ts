import { Injectable, OnModuleDestroy } from '@nestjs/common';

type Waiter = () => void;

/**
 * Tells the requests waiting on a job (a long poll of GET /v1/jobs/{id}) in
 * this process that it has settled, once the change has committed. Only a
 * hint: waiters read the job again from the database, and a job settled by
 * another replica is seen at their next reading.
 */
@Injectable()
export class JobSettlements implements OnModuleDestroy {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private stopping = false;

  /** Called once a job's end (its result or its cancellation) has committed. */
  announce(jobId: string): void {
    const waiting = this.waiters.get(jobId);
    if (!waiting) return;
    this.waiters.delete(jobId);
    for (const wake of waiting) wake();
  }

  /** Resolves when the job is announced, after `ms`, or when the node stops, whichever is first. */
  next(jobId: string, ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const waiting = this.waiters.get(jobId) ?? new Set<Waiter>();
      this.waiters.set(jobId, waiting);
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        if (waiting.size === 0 && this.waiters.get(jobId) === waiting) this.waiters.delete(jobId);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      waiting.add(wake);
    });
  }

  onModuleDestroy(): void {
    this.stopping = true;
    for (const jobId of [...this.waiters.keys()]) this.announce(jobId);
  }
}
