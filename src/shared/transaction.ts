/**
 * A database transaction as the application sees it: opaque, passed to every
 * port that must write within it (the audit log above all).
 */
export interface Transaction {
  readonly kind: 'transaction';
}

/** Runs work in one transaction: all of it commits, or none of it. */
export abstract class UnitOfWork {
  abstract run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}
