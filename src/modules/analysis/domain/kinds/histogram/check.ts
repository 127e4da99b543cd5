import type { Finding, OutputRules } from '../../analysis-kind';
import { excludedCount, minCountFindings } from '../../output-checks';
import type { HistogramContribution } from './contribution';

export function checkHistogram(contribution: HistogramContribution, rules: OutputRules): Finding[] {
  const { edges, below, counts, above } = contribution;
  return minCountFindings(
    [
      { cell: 'below', value: below },
      ...counts.map((value, i) => ({ cell: `[${edges[i]},${edges[i + 1]})`, value })),
      { cell: 'above', value: above },
      ...excludedCount(contribution),
    ],
    rules,
  );
}
