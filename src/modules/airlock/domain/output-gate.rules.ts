import type { Finding } from '../../analysis/domain/analysis-kind';

/**
 * What a check's finding means for the output, as ACRO/SACRO grade it:
 * `fail` where a threshold is not met (the output may still leave only as an
 * exception a reviewer grants), `review` where a person must look (zeros,
 * a possible difference of two outputs).
 */
export type FindingOutcome = 'review' | 'fail';

/** Each rule's outcome (ACRO defaults). */
export const RULE_OUTCOMES: Readonly<Record<Finding['rule'], FindingOutcome>> = {
  'min-count': 'fail',
  'max-parameters': 'fail',
  zeros: 'review',
  dominance: 'fail',
  'p-ratio': 'fail',
  'negative-values': 'review',
  'residual-df': 'fail',
  'survival-events': 'fail',
  'subset-complement': 'fail',
  'max-levels': 'fail',
  differencing: 'review',
};

/** An output's grade: pass (nothing found), review, or fail (some finding fails). */
export type OutputStatus = 'pass' | FindingOutcome;

/** A finding as it may leave the node: which rule, which cell, which threshold, its outcome; never the value. */
export interface PublicFinding {
  readonly rule: Finding['rule'];
  readonly cell: string;
  readonly threshold: number;
  readonly outcome: FindingOutcome;
}

/** A finding as the node keeps it: with the value, for its own reviewers only. */
export interface GradedFinding extends Finding {
  readonly outcome: FindingOutcome;
}

/** What the output gate lets out of the node for one contribution. */
export type GateDecision =
  | { readonly outcome: 'RELEASED'; readonly contribution: unknown; readonly persons: number }
  | { readonly outcome: 'AWAITING_REVIEW'; readonly findings: readonly PublicFinding[] }
  | {
      readonly outcome: 'BLOCKED';
      readonly findings: readonly PublicFinding[];
      /** Why, when a reviewer rejected it. */
      readonly reason?: string;
    };

/** The node's airlock policy, as the gate applies it. */
export interface GatePolicy {
  readonly autoRelease: boolean;
  readonly blockFails: boolean;
}

export function graded(findings: readonly Finding[]): GradedFinding[] {
  return findings.map((f) => ({ ...f, outcome: RULE_OUTCOMES[f.rule] }));
}

export function outputStatus(findings: readonly GradedFinding[]): OutputStatus {
  if (findings.some((f) => f.outcome === 'fail')) return 'fail';
  return findings.length > 0 ? 'review' : 'pass';
}

export function publicFindings(findings: readonly GradedFinding[]): PublicFinding[] {
  return findings.map(({ rule, cell, threshold, outcome }) => ({ rule, cell, threshold, outcome }));
}

/**
 * Released at once when every check passes and the policy lets passing
 * outputs leave on their own; blocked outright when a check fails and the
 * policy blocks failures; otherwise held in the airlock for this node's
 * reviewers, the reasons (never the values) told to the lead.
 */
export function gateDecision(
  findings: readonly GradedFinding[],
  contribution: unknown,
  persons: number,
  policy: GatePolicy,
): GateDecision {
  const status = outputStatus(findings);
  if (status === 'pass' && policy.autoRelease) {
    return { outcome: 'RELEASED', contribution, persons };
  }
  if (status === 'fail' && policy.blockFails) {
    return { outcome: 'BLOCKED', findings: publicFindings(findings) };
  }
  return { outcome: 'AWAITING_REVIEW', findings: publicFindings(findings) };
}
