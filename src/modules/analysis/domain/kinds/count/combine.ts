import type { WorkspaceColumn } from '../../analysis-kind';
import { type Exclusions, pooledExclusions } from '../../complete-cases';
import { assertGroupedBy, parseContributions } from '../../contributions';
import { type GroupKey, groupColumnsOf, keyIdOf, tableKeys } from '../../group-keys';
import { countContributionSchema } from './contribution';
import type { CountParams } from './params';

export interface CountResult {
  readonly groupBy: string[];
  /**
   * Every combination of the group variables' values, 0 where no node had
   * it; null where a node suppressed its part (and so `suppressed`).
   */
  readonly cells: {
    readonly key: GroupKey;
    readonly count: number | null;
    readonly suppressed?: true;
  }[];
  /** The sum of the cells not suppressed. */
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
  const counts = new Map<string, number | null>();
  for (const contribution of parsed) {
    assertGroupedBy(
      contribution,
      contribution.cells.map((cell) => cell.key),
      params.groupBy,
      'count',
    );
    for (const { key, count } of contribution.cells) {
      const id = keyIdOf(key);
      const sum = counts.has(id) ? counts.get(id)! : 0;
      counts.set(id, sum === null || count === null ? null : sum + count);
    }
  }
  const seen = parsed.flatMap((contribution) => contribution.cells.map((cell) => cell.key));
  const cells = tableKeys(groupColumns, seen).map((key) => {
    const id = keyIdOf(key);
    const count = counts.has(id) ? counts.get(id)! : 0;
    return count === null ? { key, count, suppressed: true as const } : { key, count };
  });
  return {
    groupBy: [...params.groupBy],
    cells,
    total: cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0),
    excluded: pooledExclusions(parsed),
  };
}
