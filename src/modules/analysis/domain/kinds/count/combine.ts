import type { WorkspaceColumn } from '../../analysis-kind';
import { type Exclusions, pooledExclusions } from '../../complete-cases';
import { assertGroupedBy, parseContributions } from '../../contributions';
import { type GroupKey, groupColumnsOf, keyIdOf, tableKeys } from '../../group-keys';
import { countContributionSchema } from './contribution';
import type { CountParams } from './params';

export interface CountResult {
  readonly groupBy: string[];
  /** Every combination of the group variables' values, 0 where no node had it. */
  readonly cells: { readonly key: GroupKey; readonly count: number }[];
  readonly total: number;
  /** Persons left out for a missing group variable. */
  readonly excluded: Exclusions;
}

export function combineCounts(
  params: CountParams,
  contributions: readonly unknown[],
  columns: readonly WorkspaceColumn[],
): CountResult {
  const groupColumns = groupColumnsOf(columns, params.groupBy);
  const parsed = parseContributions(countContributionSchema, contributions, 'count');
  const counts = new Map<string, number>();
  for (const contribution of parsed) {
    assertGroupedBy(
      contribution,
      contribution.cells.map((cell) => cell.key),
      params.groupBy,
      'count',
    );
    for (const { key, count } of contribution.cells) {
      counts.set(keyIdOf(key), (counts.get(keyIdOf(key)) ?? 0) + count);
    }
  }
  const seen = parsed.flatMap((contribution) => contribution.cells.map((cell) => cell.key));
  const cells = tableKeys(groupColumns, seen).map((key) => ({
    key,
    count: counts.get(keyIdOf(key)) ?? 0,
  }));
  return {
    groupBy: [...params.groupBy],
    cells,
    total: cells.reduce((sum, cell) => sum + cell.count, 0),
    excluded: pooledExclusions(parsed),
  };
}
