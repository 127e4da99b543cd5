import type { GroupKey } from './group-keys';
import { groupValueFrom } from './row-values';
import { quoteIdent } from './sql';

export interface GroupingSql {
  /** The group columns as SELECT items, e.g. `"sex" AS g0`. */
  readonly selected: string[];
  /** `GROUP BY "sex", …`, or '' without group variables. */
  readonly groupByClause: string;
}

// Group columns are selected as g0, g1, … so no variable name can clash with n, mean or m2.
const aliasOf = (index: number) => `g${index}`;

export function groupingSql(groupBy: readonly string[]): GroupingSql {
  const columns = groupBy.map(quoteIdent);
  return {
    selected: columns.map((column, i) => `${column} AS ${aliasOf(i)}`),
    groupByClause: columns.length > 0 ? `GROUP BY ${columns.join(', ')}` : '',
  };
}

/** A result row's group key, read back from the columns `groupingSql` selected. */
export function groupKeyFromRow(row: Readonly<Record<string, unknown>>, size: number): GroupKey {
  return Array.from({ length: size }, (_, i) => groupValueFrom(row[aliasOf(i)], aliasOf(i)));
}
