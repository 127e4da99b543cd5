import { Transaction } from '../../../shared/transaction';
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

export interface DecisionChange {
  readonly outcome: Exclude<DecisionOutcome, 'PENDING'>;
  readonly reason?: string;
  readonly decidedBy?: string;
  readonly decidedAt: Date;
}

export interface PermitRecord extends Permit {
  /** Per node: at the lead, whether the application reached it; elsewhere, whether this node's decision reached the lead. */
  readonly delivered: Readonly<Record<string, boolean>>;
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly concludedAt?: string;
  readonly archivedAt?: string;
  readonly destroyedAt?: string;
}

/**
 * Permits as this node holds them. Every change is guarded by the state it
 * expects: `false` means another change came first.
 */
export abstract class PermitRepository {
  abstract insert(permit: Permit, decisions: readonly Decision[], tx: Transaction): Promise<void>;
  abstract get(id: string, tx?: Transaction): Promise<PermitRecord | undefined>;
  /**
   * Locks the permit's row for the rest of `tx` unless another transaction
   * holds it (FOR UPDATE SKIP LOCKED): false then, and the caller leaves the
   * permit to that transaction.
   */
  abstract claim(id: string, tx: Transaction): Promise<boolean>;
  abstract list(filter: {
    readonly pendingAt?: string;
    readonly person?: NamedUser;
  }): Promise<PermitRecord[]>;
  abstract listAll(): Promise<PermitRecord[]>;
  abstract listInStatus(statuses: readonly PermitStatus[]): Promise<PermitRecord[]>;
  abstract decide(
    id: string,
    node: string,
    change: DecisionChange,
    tx: Transaction,
  ): Promise<boolean>;
  abstract markDelivered(id: string, node: string): Promise<void>;
  /** Asks the applicant to complete a REQUESTED application that is not already awaiting completion. */
  abstract requestCompletion(
    id: string,
    completion: CompletionRequest,
    tx: Transaction,
  ): Promise<boolean>;
  /**
   * Replaces a REQUESTED application by a newer version: the completion
   * request is met, the decision clock restarts and every decision is taken
   * again.
   */
  abstract replaceApplication(
    application: Application,
    applicationVersion: number,
    decisionDueAt: string,
    now: Date,
    tx: Transaction,
  ): Promise<boolean>;
  /**
   * Replaces the grant of a permit still `status` with validity to
   * `validUntil` by an amended one; false when it changed meanwhile.
   */
  abstract replaceGrant(
    id: string,
    expected: { readonly status: PermitStatus; readonly validUntil: string },
    granted: { readonly jws: GeneralJws; readonly validUntil: string },
    now: Date,
    tx: Transaction,
  ): Promise<boolean>;
  abstract move(
    id: string,
    from: PermitStatus,
    to: PermitStatus,
    now: Date,
    tx: Transaction,
    granted?: { readonly jws: GeneralJws; readonly validFrom: string; readonly validUntil: string },
  ): Promise<boolean>;
}
