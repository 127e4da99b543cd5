import { Transaction } from '../../../shared/transaction';
import { SignedTreeHead } from '../domain/tree-head';

/** A peer's signed tree head as this node keeps it. */
export interface HeldHead extends SignedTreeHead {
  readonly id: string;
  readonly receivedAt: Date;
  /** Proven here to extend the heads of that node held before it. */
  readonly consistent: boolean;
}

/** How a peer's new head failed to follow the one held. */
export type AlertKind = 'inconsistent' | 'fork' | 'rollback';

/** A peer whose log does not follow what it signed before, with both signed heads as evidence. */
export interface AuditAlert {
  readonly id: string;
  readonly node: string;
  readonly kind: AlertKind;
  readonly detectedAt: Date;
  readonly held: HeldHead;
  readonly offending: HeldHead;
}

/** The peers' tree heads this node fetched, and the alerts they raised; only ever added to. */
export abstract class PeerHeadStore {
  /** The largest head of `node` held as consistent. */
  abstract latestConsistent(node: string): Promise<HeldHead | undefined>;
  /** Keeps a head (once: the same node, size and root again is ignored); returns its id. */
  abstract save(
    head: SignedTreeHead,
    consistent: boolean,
    receivedAt: Date,
    tx?: Transaction,
  ): Promise<string>;
  /** Keeps an alert unless one was raised for the same offending head; says whether it is new. */
  abstract saveAlert(
    alert: { node: string; kind: AlertKind; heldId: string; offendingId: string; detectedAt: Date },
    tx: Transaction,
  ): Promise<boolean>;
  /** Every head of `node` held, oldest first. */
  abstract heads(node: string): Promise<HeldHead[]>;
  abstract alerts(): Promise<AuditAlert[]>;
}
