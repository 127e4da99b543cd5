import type { LocalQuery, WorkspaceTable } from '../../analysis-kind';
import { designOf } from '../../design/design';
import { columnAlias, columnNamesSql, designRowsSql, upperPairs } from '../../design/design-sql';
import { readModelRow } from '../../design/model-rows';
import { SqlValues, statement } from '../../sql';
import type { LinearRegressionContribution } from './contribution';
import { LINEAR_OUTCOME_TYPES, type LinearRegressionParams } from './params';

const COMPLETE = 'FILTER (WHERE complete)';

/**
 * One pass over the rows the filters keep: how many, how many are complete
 * cases, and over those Σ xⱼxₖ (j ≤ k), Σ xⱼy and Σ y².
 */
export function linearRegressionQuery(
  params: LinearRegressionParams,
  table: WorkspaceTable,
): LocalQuery {
  const design = designOf(params, table.columns, LINEAR_OUTCOME_TYPES);
  const values = new SqlValues();
  const rows = designRowsSql(design, table, params.filters, values);
  const p = design.columns.length;
  const x = columnAlias;
  const sums = [
    ...upperPairs(p).map(([j, k]) => `sum(${x(j)} * ${x(k)}) ${COMPLETE} AS xtx_${j}_${k}`),
    ...design.columns.map((_, j) => `sum(${x(j)} * y) ${COMPLETE} AS xty_${j}`),
    `sum(y * y) ${COMPLETE} AS yty`,
  ];
  const sql = statement(
    `SELECT ${[
      columnNamesSql(design, values),
      'count(*) AS rows',
      `count(*) ${COMPLETE} AS n`,
      ...sums,
    ].join(', ')}`,
    `FROM (${rows}) AS d`,
  );
  return { sql, values: values.values };
}

export function readLinearRegression(
  _params: LinearRegressionParams,
  rows: readonly Record<string, unknown>[],
): LinearRegressionContribution {
  const { columns, n, excluded, sum } = readModelRow(rows);
  const p = columns.length;
  return {
    columns,
    n,
    xtx: upperPairs(p).map(([j, k]) => sum(`xtx_${j}_${k}`)),
    xty: columns.map((_, j) => sum(`xty_${j}`)),
    yty: sum('yty'),
    excluded,
  };
}
