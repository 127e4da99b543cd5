import { finiteOrNullFrom, wholeNumberFrom } from '../row-values';

/** The one row a model's statement returns, read. */
export interface ModelRow {
  /** The design columns the node coded, as the statement echoes them. */
  readonly columns: string[];
  /** Complete cases. */
  readonly n: number;
  /** Rows the filters keep that miss the outcome or a predictor. */
  readonly excluded: number;
  /** A sum over the complete cases: 0 when there are none (SQL's sum of no rows is null). */
  sum(alias: string): number;
  /** A count over the complete cases. */
  count(alias: string): number;
}

export function readModelRow(rows: readonly Record<string, unknown>[]): ModelRow {
  if (rows.length !== 1) throw new Error(`A model's statement returned ${rows.length} rows, not 1`);
  const [row] = rows;
  const columns = row.columns;
  if (
    !Array.isArray(columns) ||
    columns.length === 0 ||
    !columns.every((name) => typeof name === 'string')
  ) {
    throw new Error(`columns is not a list of design column names: ${String(columns)}`);
  }
  const all = wholeNumberFrom(row.rows, 'rows');
  const n = wholeNumberFrom(row.n, 'n');
  if (all < n) throw new Error(`rows ${all} is fewer than n ${n}`);
  return {
    columns: columns as string[],
    n,
    excluded: all - n,
    sum(alias) {
      if (n === 0) return 0;
      const value = finiteOrNullFrom(row[alias], alias);
      if (value === null) throw new Error(`${alias} is missing`);
      return value;
    },
    count: (alias) => wholeNumberFrom(row[alias], alias),
  };
}
