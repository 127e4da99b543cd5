import type { WorkspaceColumn } from '../../analysis-kind';
import { type Exclusions, pooledExclusions } from '../../complete-cases';
import { assertContribution, assertGroupedBy, parseContributions } from '../../contributions';
import { type GroupKey, groupColumnsOf, keyIdOf, tableKeys } from '../../group-keys';
import { summaryContributionSchema } from './contribution';
import { type Moments, pooledMoments } from './moments';
import type { SummaryParams } from './params';

export interface GroupSummary {
  readonly key: GroupKey;
  readonly n: number;
  /** null when n is 0. */
  readonly mean: number | null;
  /** The sample variance; null when n is below 2. */
  readonly variance: number | null;
  readonly sd: number | null;
}

export interface SummaryResult {
  readonly variable: string;
  readonly groupBy: string[];
  /** Every combination of the group variables' values, n = 0 where no node had it. */
  readonly groups: GroupSummary[];
  /** Persons left out for a missing value of the variable or a group variable. */
  readonly excluded: Exclusions;
}

export function combineSummaries(
  params: SummaryParams,
  contributions: readonly unknown[],
  columns: readonly WorkspaceColumn[],
): SummaryResult {
  const groupColumns = groupColumnsOf(columns, params.groupBy);
  const parsed = parseContributions(summaryContributionSchema, contributions, 'summary');
  const partsByKey = new Map<string, Moments[]>();
  for (const contribution of parsed) {
    assertContribution(
      contribution.variable === params.variable,
      'summary',
      `summarises ${contribution.variable}, not ${params.variable}`,
    );
    assertGroupedBy(
      contribution,
      contribution.groups.map((group) => group.key),
      params.groupBy,
      'summary',
    );
    for (const group of contribution.groups) {
      const id = keyIdOf(group.key);
      partsByKey.set(id, [...(partsByKey.get(id) ?? []), group]);
    }
  }
  const seen = parsed.flatMap((contribution) => contribution.groups.map((group) => group.key));
  return {
    variable: params.variable,
    groupBy: [...params.groupBy],
    groups: tableKeys(groupColumns, seen).map((key) =>
      summaryOf(key, pooledMoments(partsByKey.get(keyIdOf(key)) ?? [])),
    ),
    excluded: pooledExclusions(parsed),
  };
}

function summaryOf(key: GroupKey, { n, mean, m2 }: Moments): GroupSummary {
  const variance = n >= 2 && m2 !== null ? m2 / (n - 1) : null;
  return { key, n, mean, variance, sd: variance === null ? null : Math.sqrt(variance) };
}
