import type { LocalQuery, WorkspaceTable } from '../../analysis-kind';
import { whereClause } from '../../filters';
import { wholeNumberFrom } from '../../row-values';
import { quoteIdent, SqlValues, statement } from '../../sql';
import type { HistogramContribution } from './contribution';
import type { HistogramParams } from './params';

/**
 * width_bucket with an array of thresholds gives 0 below the first edge, i
 * for the i-th bin (1-based), and the number of edges at or above the last.
 */
export function histogramQuery(params: HistogramParams, table: WorkspaceTable): LocalQuery {
  const values = new SqlValues();
  const x = quoteIdent(params.variable);
  const edges = values.add(params.edges, 'double precision[]');
  const sql = statement(
    `SELECT width_bucket(${x}::double precision, ${edges}) AS bin, count(*) AS n`,
    `FROM ${table.sqlName}`,
    whereClause(params.filters, table.columns, values),
    'GROUP BY 1',
  );
  return { sql, values: values.values };
}

export function readHistogram(
  params: HistogramParams,
  rows: readonly Record<string, unknown>[],
): HistogramContribution {
  const buckets = new Array<number>(params.edges.length + 1).fill(0);
  let excluded = 0;
  for (const row of rows) {
    // width_bucket of a missing value is null: that row is no complete case.
    if (row.bin === null) {
      excluded += wholeNumberFrom(row.n, 'n');
      continue;
    }
    const bin = wholeNumberFrom(row.bin, 'bin');
    if (bin >= buckets.length) throw new Error(`bin ${bin} is beyond the last edge`);
    buckets[bin] += wholeNumberFrom(row.n, 'n');
  }
  return {
    variable: params.variable,
    edges: [...params.edges],
    below: buckets[0],
    counts: buckets.slice(1, -1),
    above: buckets[buckets.length - 1],
    excluded,
  };
}
