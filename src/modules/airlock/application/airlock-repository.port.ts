import { Transaction } from '../../../shared/transaction';
import { HeldOutput, HeldState, Review } from '../domain/held-output';

/** The outputs held at this node and their reviews. Decisions are guarded by the state they expect. */
export abstract class AirlockRepository {
  abstract hold(
    output: Omit<HeldOutput, 'reviews' | 'state' | 'decidedAt' | 'deliveredAt' | 'reason'>,
    tx: Transaction,
  ): Promise<void>;
  abstract get(id: string, tx?: Transaction): Promise<HeldOutput | undefined>;
  abstract forRun(jobId: string, round: number): Promise<HeldOutput | undefined>;
  abstract list(state?: HeldState): Promise<HeldOutput[]>;
  abstract addReview(id: string, review: Review, tx: Transaction): Promise<void>;
  /** Decides an output AWAITING_REVIEW; false if it was decided meanwhile. */
  abstract decide(
    id: string,
    state: Exclude<HeldState, 'AWAITING_REVIEW'>,
    reason: string,
    now: Date,
    tx: Transaction,
  ): Promise<boolean>;
  /** Decided outputs whose decision the lead has not yet taken. */
  abstract undelivered(): Promise<HeldOutput[]>;
  abstract markDelivered(id: string, now: Date): Promise<void>;
}
