import type { Finding, OutputRules } from '../analysis-kind';

/** What the dominance checks of one magnitude cell need; it stays at the node. */
export interface MagnitudeEvidence {
  readonly cell: string;
  /** The cell's total. */
  readonly total: number;
  /** Its largest value and its second largest (null with a single value). */
  readonly largest: number;
  readonly second: number | null;
  readonly smallest: number;
}

/**
 * The (n,k) rule with n = 2 and the p-ratio rule on a magnitude cell (a sum
 * or a mean of non-negative values), as ACRO applies them: the two largest
 * values must be under k of the total, and what is left after them at least
 * p of the largest. Negative values void both rules: the cell goes to review.
 * A cell whose values are all 0 is left to the count rules.
 */
export function dominanceFindings(cell: MagnitudeEvidence, rules: OutputRules): Finding[] {
  if (cell.smallest < 0) {
    return [{ rule: 'negative-values', cell: cell.cell, value: cell.smallest, threshold: 0 }];
  }
  if (cell.total <= 0) return [];
  const findings: Finding[] = [];
  const topTwo = cell.largest + (cell.second ?? 0);
  const share = topTwo / cell.total;
  if (share >= rules.dominanceK) {
    findings.push({
      rule: 'dominance',
      cell: cell.cell,
      value: share,
      threshold: rules.dominanceK,
    });
  }
  const pRatio = (cell.total - topTwo) / cell.largest;
  if (pRatio < rules.pRatio) {
    findings.push({ rule: 'p-ratio', cell: cell.cell, value: pRatio, threshold: rules.pRatio });
  }
  return findings;
}
