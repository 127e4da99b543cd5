import type { LocalQuery, WorkspaceTable } from '../../analysis-kind';
import { whereClause } from '../../filters';
import { groupingSql, groupKeyFromRow } from '../../grouping-sql';
import { isCompleteKey } from '../../complete-cases';
import { wholeNumberFrom } from '../../row-values';
import { SqlValues, statement } from '../../sql';
import type { CountContribution } from './contribution';
import type { CountParams } from './params';

export function countQuery(params: CountParams, table: WorkspaceTable): LocalQuery {
  const values = new SqlValues();
  const grouping = groupingSql(params.groupBy);
  const sql = statement(
    `SELECT ${[...grouping.selected, 'count(*) AS n'].join(', ')}`,
    `FROM ${table.sqlName}`,
    whereClause(params.filters, table.columns, values),
    grouping.groupByClause,
  );
  return { sql, values: values.values };
}

export function readCounts(
  params: CountParams,
  rows: readonly Record<string, unknown>[],
): CountContribution {
  const cells: CountContribution['cells'] = [];
  let excluded = 0;
  for (const row of rows) {
    const key = groupKeyFromRow(row, params.groupBy.length);
    const count = wholeNumberFrom(row.n, 'n');
    if (isCompleteKey(key)) cells.push({ key, count });
    else excluded += count;
  }
  return { groupBy: [...params.groupBy], cells, excluded };
}
