import type { Finding, OutputRules } from '../../analysis-kind';
import { keyOf } from '../../group-keys';
import { excludedCount, minCountFindings } from '../../output-checks';
import type { SummaryContribution } from './contribution';

export function checkSummaries(contribution: SummaryContribution, rules: OutputRules): Finding[] {
  return minCountFindings(
    contribution.groups
      .map(({ key, n }) => ({
        cell: contribution.groupBy.length > 0 ? `${keyOf(contribution.groupBy, key)}:n` : 'n',
        value: n,
      }))
      .concat(excludedCount(contribution)),
    rules,
  );
}
