import type { VariableType } from '../../catalogue/domain/dataset';

const PLAIN_IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/** A column name as a quoted SQL identifier; only plain names are accepted, so nothing needs escaping. */
export function quoteIdent(name: string): string {
  if (!PLAIN_IDENTIFIER.test(name)) {
    throw new Error(`Not a plain SQL identifier: ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
}

export type SqlCast =
  | 'text'
  | 'boolean'
  | 'integer'
  | 'double precision'
  | 'date'
  | 'text[]'
  | 'integer[]'
  | 'double precision[]';

const CAST_OF_TYPE: Record<VariableType, SqlCast> = {
  category: 'text',
  boolean: 'boolean',
  integer: 'integer',
  number: 'double precision',
  date: 'date',
};

/** The SQL type a value compared with a column of this variable type is bound as. */
export function castOf(type: VariableType): SqlCast {
  return CAST_OF_TYPE[type];
}

/** The values bound to one statement; each is referred to by its `$n` placeholder, cast explicitly. */
export class SqlValues {
  readonly values: unknown[] = [];

  /** Binds `value` and returns its placeholder, e.g. `$3::text`. */
  add(value: unknown, cast: SqlCast): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** The clauses of one statement joined by single spaces, leaving out empty ones. */
export function statement(...clauses: string[]): string {
  return clauses.filter((clause) => clause !== '').join(' ');
}

/**
 * A subquery whose computed columns PostgreSQL evaluates once per row. Without
 * the fence (OFFSET 0) the planner pulls the subquery up into the outer query
 * and evaluates each computed column again in every expression that refers to
 * it: a logistic round's 28 sums each recomputed exp(xβ), 5–7 times slower.
 */
export function evaluatedOnce(subquery: string): string {
  return `${subquery} OFFSET 0`;
}
