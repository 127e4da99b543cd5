import { DomainError } from '../../../shared/errors';
import { Delivery, HeldOutput, Review, Reviewer, sameReviewer } from './held-output';
import { publicFindings } from './output-gate.rules';

/**
 * Whether `reviewer` may review `output` now: it awaits review, it is not
 * the output of their own job, and they have not reviewed it already.
 */
export function assertMayReview(output: HeldOutput, reviewer: Reviewer): void {
  if (output.state !== 'AWAITING_REVIEW') {
    throw new DomainError('AIRLOCK.DECIDED', `Output ${output.id} was ${output.state} already`, {
      state: output.state,
    });
  }
  if (sameReviewer(output.spec.submittedBy, reviewer)) {
    throw new DomainError(
      'AIRLOCK.OWN_OUTPUT',
      'A reviewer cannot review the output of a job they submitted',
    );
  }
  if (output.reviews.some((r) => sameReviewer(r.reviewer, reviewer))) {
    throw new DomainError(
      'AIRLOCK.ALREADY_REVIEWED',
      `You reviewed output ${output.id} already: another reviewer must decide`,
    );
  }
}

/**
 * The output's state after one more review: rejected by any one reviewer;
 * released once `needed` different reviewers released it; otherwise still
 * awaiting review.
 */
export function afterReview(
  reviews: readonly Review[],
  needed: number,
): 'AWAITING_REVIEW' | 'RELEASED' | 'REJECTED' {
  if (reviews.some((r) => r.decision === 'REJECT')) return 'REJECTED';
  return reviews.filter((r) => r.decision === 'RELEASE').length >= needed
    ? 'RELEASED'
    : 'AWAITING_REVIEW';
}

/** What the lead is told of a decided output. */
export function deliveryOf(output: HeldOutput): Delivery {
  if (output.state === 'RELEASED') {
    return { outcome: 'RELEASED', contribution: output.contribution, persons: output.persons };
  }
  if (output.state === 'REJECTED') {
    return {
      outcome: 'BLOCKED',
      findings: publicFindings(output.findings),
      reason: `rejected by the reviewer: ${output.reason ?? 'no reason given'}`,
    };
  }
  throw new Error(`Output ${output.id} awaits review: nothing to deliver`);
}
