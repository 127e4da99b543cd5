import type { Finding, OutputRules } from '../analysis-kind';

/** A finding for each empty cell of a frequency table, when the node reviews zeros. */
export function zeroFindings(
  counts: readonly { readonly cell: string; readonly value: number }[],
  rules: OutputRules,
): Finding[] {
  if (!rules.zerosReview) return [];
  return counts
    .filter(({ value }) => value === 0)
    .map(({ cell }) => ({ rule: 'zeros', cell, value: 0, threshold: 0 }));
}
