import type { Finding, OutputRules } from '../../analysis-kind';
import { levelFindings } from '../../checks/levels';
import { excludedCount, minCountFindings } from '../../checks/min-count';
import { zeroFindings } from '../../checks/zeros';
import { keyIdOf, keyOf } from '../../group-keys';
import type { CountContribution } from './contribution';
import { tableGrid } from './table-grid';

/**
 * Every released cell 0 or at least the minimum, and the persons left out
 * unless withheld; each empty cell of the table (a combination of the levels
 * seen here that has no row) for review; no group variable with too many
 * levels. A suppressed cell is no finding: it does not leave.
 */
export function checkCounts(contribution: CountContribution, rules: OutputRules): Finding[] {
  const { groupBy, cells } = contribution;
  const label = (key: readonly (string | boolean)[]) =>
    groupBy.length > 0 ? keyOf(groupBy, key) : 'total';
  const present = new Set(cells.map((cell) => keyIdOf(cell.key)));
  const released = cells.flatMap(({ key, count }) =>
    count === null ? [] : [{ cell: label(key), value: count }],
  );
  const empty =
    groupBy.length > 0
      ? tableGrid(cells.map((cell) => cell.key))
          .filter((key) => !present.has(keyIdOf(key)))
          .map((key) => ({ cell: label(key), value: 0 }))
      : [];
  return [
    ...minCountFindings(released.concat(excludedCount(contribution)), rules),
    ...zeroFindings(groupBy.length > 0 ? [...released, ...empty] : [], rules),
    ...levelFindings(
      groupBy,
      cells.map((cell) => cell.key),
      rules,
    ),
  ];
}
