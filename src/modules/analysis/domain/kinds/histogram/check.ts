import type { Finding, OutputRules } from '../../analysis-kind';
import { excludedCount, minCountFindings } from '../../checks/min-count';
import { zeroFindings } from '../../checks/zeros';
import type { HistogramContribution } from './contribution';

export function checkHistogram(contribution: HistogramContribution, rules: OutputRules): Finding[] {
  const { edges, below, counts, above } = contribution;
  const bins = counts.map((value, i) => ({ cell: `[${edges[i]},${edges[i + 1]})`, value }));
  return [
    ...minCountFindings(
      [
        { cell: 'below', value: below },
        ...bins,
        { cell: 'above', value: above },
        ...excludedCount(contribution),
      ],
      rules,
    ),
    ...zeroFindings(bins, rules),
  ];
}
