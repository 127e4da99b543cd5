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
    `spe_top2(${x}::double precision) AS top2`,
    `min(${x}::double precision) AS smallest`,
  ];
  const sql = statement(
    `SELECT ${[...grouping.selected, ...statistics].join(', ')}`,
    `FROM ${table.sqlName}`,
    whereClause(params.filters, table.columns, values),
    grouping.groupByClause,
  );
  return { sql, values: values.values };
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
    const [largest, second] = topTwoFrom(row.top2);
    return [
      {
        key,
        total: finiteOrNullFrom(row.mean, 'mean')! * n,
        largest,
        second,
        smallest: finiteOrNullFrom(row.smallest, 'smallest')!,
      },
    ];
  });
}

/** spe_top2's array, as the driver gives it (an array, or its text form). */
function topTwoFrom(value: unknown): [number, number | null] {
  const items = Array.isArray(value)
    ? (value as unknown[])
    : String(value).replace(/[{}]/g, '').split(',');
  const [largest, second] = items.map((item) =>
    item === null || item === 'NULL' ? null : finiteOrNullFrom(item, 'top2'),
  );
  if (largest === null || largest === undefined) throw new Error('top2 has no largest value');
  return [largest, second ?? null];
}
