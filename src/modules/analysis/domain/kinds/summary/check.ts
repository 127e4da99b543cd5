import type { Finding, OutputRules } from '../../analysis-kind';
import { dominanceFindings } from '../../checks/dominance';
import { levelFindings } from '../../checks/levels';
import { excludedCount, minCountFindings } from '../../checks/min-count';
import { keyIdOf, keyOf } from '../../group-keys';
import type { SummaryContribution, SummaryEvidence } from './contribution';

/**
 * Each group's n 0 or at least the minimum, and the persons left out unless
 * withheld; each group's mean not dominated by its largest values (from the
 * evidence, when there is some); no group variable with too many levels.
 */
export function checkSummaries(
  contribution: SummaryContribution,
  rules: OutputRules,
  evidence: SummaryEvidence = [],
): Finding[] {
  const { groupBy, groups } = contribution;
  const label = (key: readonly (string | boolean)[]) =>
    groupBy.length > 0 ? `${keyOf(groupBy, key)}:` : '';
  const released = new Set(groups.map((group) => keyIdOf(group.key)));
  return [
    ...minCountFindings(
      groups
        .map(({ key, n }) => ({ cell: `${label(key)}n`, value: n }))
        .concat(excludedCount(contribution)),
      rules,
    ),
    ...evidence
      .filter((cell) => released.has(keyIdOf(cell.key)))
      .flatMap((cell) => dominanceFindings({ ...cell, cell: `${label(cell.key)}mean` }, rules)),
    ...levelFindings(
      groupBy,
      groups.map((group) => group.key),
      rules,
    ),
  ];
}
