import type { WorkspaceColumn, WorkspaceTable } from '../analysis-kind';
import { type Filter, whereClause } from '../filters';
import { evaluatedOnce, quoteIdent, SqlValues, statement } from '../sql';
import type { Design, DesignColumn, Factor } from './design';

/** The alias of design column j in the design rows: x0 (the intercept), x1, … */
export const columnAlias = (j: number): string => `x${j}`;

/** The pairs (j, k), j ≤ k, of a p × p symmetric matrix's upper triangle, row by row. */
export function upperPairs(p: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let j = 0; j < p; j++) for (let k = j; k < p; k++) pairs.push([j, k]);
  return pairs;
}

/**
 * The statement, used as a subquery, giving for every row the filters keep:
 * `complete` (no variable of the model is missing), `y` (the outcome as a
 * double, a boolean as 0/1) and `x0`, `x1`, … (the design columns, each a
 * double), each computed once per row. Level values are bound, identifiers
 * quoted.
 */
export function designRowsSql(
  design: Design,
  table: WorkspaceTable,
  filters: readonly Filter[],
  values: SqlValues,
): string {
  const placeholders = new Map<string, string>();
  const levelPlaceholder = (variable: string, level: string): string => {
    const id = JSON.stringify([variable, level]);
    if (!placeholders.has(id)) placeholders.set(id, values.add(level, 'text'));
    return placeholders.get(id)!;
  };
  const complete = design.variables.map((name) => `${quoteIdent(name)} IS NOT NULL`).join(' AND ');
  const selected = [
    `(${complete}) AS complete`,
    `${valueSql(design.outcome)} AS y`,
    ...design.columns.map(
      (column, j) => `${columnSql(column, levelPlaceholder)} AS ${columnAlias(j)}`,
    ),
  ];
  return evaluatedOnce(
    statement(
      `SELECT ${selected.join(', ')}`,
      `FROM ${table.sqlName}`,
      whereClause(filters, table.columns, values),
    ),
  );
}

/** The design's column names, bound as one text[] value the statement returns, so its rows say what they sum. */
export function columnNamesSql(design: Design, values: SqlValues): string {
  return `${values.add(
    design.columns.map((column) => column.name),
    'text[]',
  )} AS columns`;
}

/** An integer or number as a double; a boolean as 0 or 1. */
function valueSql(column: WorkspaceColumn): string {
  const x = quoteIdent(column.name);
  return column.type === 'boolean' ? `${x}::integer::double precision` : `${x}::double precision`;
}

function columnSql(
  column: DesignColumn,
  levelPlaceholder: (variable: string, level: string) => string,
): string {
  if (column.factors.length === 0) return '1::double precision';
  return column.factors.map((factor) => factorSql(factor, levelPlaceholder)).join(' * ');
}

function factorSql(
  factor: Factor,
  levelPlaceholder: (variable: string, level: string) => string,
): string {
  const x = quoteIdent(factor.variable);
  switch (factor.kind) {
    case 'number':
      return `${x}::double precision`;
    case 'boolean':
      return `${x}::integer::double precision`;
    case 'level':
      return `(${x} = ${levelPlaceholder(factor.variable, factor.level)})::integer::double precision`;
  }
}
