import type { Finding, OutputRules } from '../../analysis-kind';
import { keyOf } from '../../group-keys';
import { excludedCount, minCountFindings } from '../../output-checks';
import type { CountContribution } from './contribution';

export function checkCounts(contribution: CountContribution, rules: OutputRules): Finding[] {
  return minCountFindings(
    contribution.cells
      .map(({ key, count }) => ({
        cell: contribution.groupBy.length > 0 ? keyOf(contribution.groupBy, key) : 'total',
        value: count,
      }))
      .concat(excludedCount(contribution)),
    rules,
  );
}
