import type { Finding, OutputRules } from '../analysis-kind';

/**
 * A filtered analysis describes a subset of the table's persons: the subset
 * and its complement (those the filters leave out) must each be 0 or at
 * least the minimum, or the one gives the other away against the whole.
 */
export function subsetFindings(
  counts: { readonly subset: number; readonly complement: number },
  rules: OutputRules,
): Finding[] {
  return (['subset', 'complement'] as const)
    .filter((cell) => counts[cell] > 0 && counts[cell] < rules.minCount)
    .map((cell) => ({
      rule: 'subset-complement',
      cell,
      value: counts[cell],
      threshold: rules.minCount,
    }));
}
