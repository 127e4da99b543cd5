import type { Finding, OutputRules } from '../analysis-kind';

/** A finding for each count below the minimum; a count of 0 is left to other rules. */
export function minCountFindings(
  counts: readonly { readonly cell: string; readonly value: number }[],
  rules: OutputRules,
): Finding[] {
  return counts
    .filter(({ value }) => value > 0 && value < rules.minCount)
    .map(({ cell, value }) => ({ rule: 'min-count', cell, value, threshold: rules.minCount }));
}

/** The number of persons left out for missing values, as a count to check (none when withheld). */
export function excludedCount(contribution: {
  readonly excluded: number | null;
}): { cell: string; value: number }[] {
  return contribution.excluded === null ? [] : [{ cell: 'excluded', value: contribution.excluded }];
}
