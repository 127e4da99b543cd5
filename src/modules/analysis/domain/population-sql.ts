import type { LocalQuery, WorkspaceTable } from './analysis-kind';
import { type Filter, populationCondition } from './filters';
import { wholeNumberFrom } from './row-values';
import { SqlValues, statement } from './sql';

/** How many persons of the table a population holds, leaves out, and how far it is from earlier ones. */
export interface PopulationCounts {
  readonly subset: number;
  readonly complement: number;
  /** Per earlier population, in order: the persons in one of the two and not in the other. */
  readonly differences: readonly number[];
}

/**
 * In one pass over the table: the persons the filters keep (the subset) and
 * leave out (its complement), and for each earlier population the size of
 * its symmetric difference with this one.
 */
export function populationQuery(
  filters: readonly Filter[],
  table: WorkspaceTable,
  earlier: readonly (readonly Filter[])[],
): LocalQuery {
  const values = new SqlValues();
  const current = populationCondition(filters, table.columns, values);
  const counts = [
    `count(*) FILTER (WHERE ${current}) AS subset`,
    `count(*) FILTER (WHERE NOT ${current}) AS complement`,
    ...earlier.map(
      (other, i) =>
        `count(*) FILTER (WHERE ${current} <> ${populationCondition(other, table.columns, values)}) AS d${i}`,
    ),
  ];
  return {
    sql: statement(`SELECT ${counts.join(', ')}`, `FROM ${table.sqlName}`),
    values: values.values,
  };
}

export function readPopulation(
  rows: readonly Record<string, unknown>[],
  earlier: number,
): PopulationCounts {
  const [row] = rows;
  if (!row) throw new Error('The population query returned no row');
  return {
    subset: wholeNumberFrom(row.subset, 'subset'),
    complement: wholeNumberFrom(row.complement, 'complement'),
    differences: Array.from({ length: earlier }, (_, i) => wholeNumberFrom(row[`d${i}`], `d${i}`)),
  };
}
