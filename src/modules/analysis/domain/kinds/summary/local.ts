import type { LocalQuery, WorkspaceTable } from '../../analysis-kind';
import { whereClause } from '../../filters';
import { groupingSql, groupKeyFromRow } from '../../grouping-sql';
import { isCompleteKey } from '../../complete-cases';
import { finiteOrNullFrom, wholeNumberFrom } from '../../row-values';
import { quoteIdent, SqlValues, statement } from '../../sql';
import type { SummaryContribution, SummaryEvidence } from './contribution';
import type { SummaryParams } from './params';

export function summaryQuery(params: SummaryParams, table: WorkspaceTable): LocalQuery {
  const values = new SqlValues();
  const grouping = groupingSql(params.groupBy);
  const x = quoteIdent(params.variable);
  const statistics = [
    'count(*) AS rows',
    `count(${x}) AS n`,
    `avg(${x}::double precision) AS mean`,
    `var_pop(${x}::double precision) * count(${x}) AS m2`,
    // The dominance checks' evidence: it stays at this node.
    `max(${x}::double precision) AS largest`,
    `${secondLargestSql(params, table, values)} AS second`,
    `min(${x}::double precision) AS smallest`,
  ];
  const sql = statement(
    `SELECT ${[...grouping.selected, ...statistics].join(', ')}`,
    `FROM ${table.sqlName} AS o`,
    whereClause(params.filters, table.columns, values),
    grouping.groupByClause,
  );
  return { sql, values: values.values };
}

/**
 * A group's second largest value, looked up (one more scan of the group's
 * rows) only where it can decide the dominance checks: where the largest
 * value is at least a quarter of the total. Elsewhere the largest stands in
 * for it, an upper bound under which a cell passes both checks for every
 * k ≥ 0.5 and p ≤ 1 (and can only be held, never released, for a smaller k).
 * An aggregate keeping the two largest of every row took 25 times as long
 * as the statistics themselves over 1,000,000 rows.
 */
function secondLargestSql(params: SummaryParams, table: WorkspaceTable, values: SqlValues): string {
  const x = quoteIdent(params.variable);
  const sameGroup = params.groupBy.map((v) => `i.${quoteIdent(v)} = o.${quoteIdent(v)}`);
  const lookup = statement(
    `SELECT i.${x}::double precision FROM ${table.sqlName} AS i`,
    whereClause(params.filters, table.columns, values, [`i.${x} IS NOT NULL`, ...sameGroup]),
    'ORDER BY 1 DESC OFFSET 1 LIMIT 1',
  );
  const decisive = `4 * max(${x}::double precision) >= avg(${x}::double precision) * count(${x})`;
  return `CASE WHEN ${decisive} THEN (${lookup}) ELSE max(${x}::double precision) END`;
}

export function readSummaries(
  params: SummaryParams,
  rows: readonly Record<string, unknown>[],
): SummaryContribution {
  let excluded = 0;
  const groups = rows.flatMap((row) => {
    const key = groupKeyFromRow(row, params.groupBy.length);
    const n = wholeNumberFrom(row.n, 'n');
    const all = wholeNumberFrom(row.rows, 'rows');
    if (all < n) throw new Error(`rows ${all} is fewer than n ${n}`);
    excluded += all - (isCompleteKey(key) ? n : 0);
    if (!isCompleteKey(key)) return [];
    return [
      {
        key,
        n,
        mean: n === 0 ? null : finiteOrNullFrom(row.mean, 'mean'),
        m2: n === 0 ? null : finiteOrNullFrom(row.m2, 'm2'),
      },
    ];
  });
  return { variable: params.variable, groupBy: [...params.groupBy], groups, excluded };
}

/**
 * Per complete group with values, its total and its largest, second largest
 * and smallest values: what the dominance checks need, read from the same
 * rows as the contribution and never part of it.
 */
export function readSummaryEvidence(
  params: SummaryParams,
  rows: readonly Record<string, unknown>[],
): SummaryEvidence {
  return rows.flatMap((row) => {
    const key = groupKeyFromRow(row, params.groupBy.length);
    const n = wholeNumberFrom(row.n, 'n');
    if (!isCompleteKey(key) || n === 0) return [];
    return [
      {
        key,
        total: finiteOrNullFrom(row.mean, 'mean')! * n,
        largest: finiteOrNullFrom(row.largest, 'largest')!,
        second: finiteOrNullFrom(row.second, 'second'),
        smallest: finiteOrNullFrom(row.smallest, 'smallest')!,
      },
    ];
  });
}
