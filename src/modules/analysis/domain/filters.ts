import { z } from 'zod';
import { VARIABLE_TYPES, type VariableType } from '../../catalogue/domain/dataset';
import { DomainError } from '../../../shared/errors';
import type { WorkspaceColumn } from './analysis-kind';
import { columnOf } from './columns';
import { identifierSchema } from './identifier';
import { castOf, quoteIdent, SqlValues } from './sql';

const COMPARISON_OPERATORS = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;
type ComparisonOp = keyof typeof COMPARISON_OPERATORS;
const ORDERING_OPS: readonly ComparisonOp[] = ['lt', 'le', 'gt', 'ge'];
const ORDERED_TYPES: readonly VariableType[] = ['integer', 'number', 'date'];
const LISTABLE_TYPES: readonly VariableType[] = ['category', 'integer'];

const INTEGER_MIN = -2_147_483_648;
const INTEGER_MAX = 2_147_483_647;

const text = z.string().max(200);

/**
 * One condition on the rows an analysis uses. As in SQL, a missing value
 * satisfies no comparison: `ne` and `in` keep only rows that have a value.
 */
export const filterSchema = z.discriminatedUnion('op', [
  z.strictObject({
    variable: identifierSchema,
    op: z.enum(['eq', 'ne', 'lt', 'le', 'gt', 'ge']),
    value: z.union([text, z.number(), z.boolean()]),
  }),
  z.strictObject({
    variable: identifierSchema,
    op: z.literal('in'),
    values: z
      .array(z.union([text, z.number()]))
      .min(1)
      .max(200),
  }),
  z.strictObject({
    variable: identifierSchema,
    op: z.enum(['is-missing', 'not-missing']),
  }),
]);

export const filtersSchema = z.array(filterSchema).max(20).default([]);

export type Filter = z.infer<typeof filterSchema>;

export function filterVariables(filters: readonly Filter[]): string[] {
  return filters.map((filter) => filter.variable);
}

/** Checks each filter's variable, operator and values against the columns. */
export function validateFilters(
  filters: readonly Filter[],
  columns: readonly WorkspaceColumn[],
): void {
  for (const filter of filters) {
    validateFilter(filter, columnOf(columns, filter.variable, VARIABLE_TYPES, 'A filter'));
  }
}

function validateFilter(filter: Filter, column: WorkspaceColumn): void {
  switch (filter.op) {
    case 'is-missing':
    case 'not-missing':
      return;
    case 'in':
      if (!LISTABLE_TYPES.includes(column.type)) {
        throw invalidFilter(
          filter,
          `in needs a category or integer variable; ${column.name} is ${column.type}`,
        );
      }
      filter.values.forEach((value) => assertValueFits(filter, column, value));
      return;
    default:
      if (ORDERING_OPS.includes(filter.op) && !ORDERED_TYPES.includes(column.type)) {
        throw invalidFilter(
          filter,
          `${filter.op} needs an integer, number or date variable; ${column.name} is ${column.type}`,
        );
      }
      assertValueFits(filter, column, filter.value);
  }
}

function assertValueFits(filter: Filter, column: WorkspaceColumn, value: unknown): void {
  const expected = unmetRequirement(column, value);
  if (expected !== undefined) {
    throw invalidFilter(filter, `${JSON.stringify(value)} is not ${expected}`);
  }
}

/** What a value compared with this column must be, if it is not that; else undefined. */
function unmetRequirement(column: WorkspaceColumn, value: unknown): string | undefined {
  switch (column.type) {
    case 'category':
      if (typeof value !== 'string') return 'a category level (a string)';
      if (column.levels && !column.levels.includes(value)) {
        return `a level of ${column.name} (${column.levels.join(', ')})`;
      }
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'a boolean';
    case 'integer':
      return Number.isInteger(value) && Number(value) >= INTEGER_MIN && Number(value) <= INTEGER_MAX
        ? undefined
        : `an integer between ${INTEGER_MIN} and ${INTEGER_MAX}`;
    case 'number':
      return Number.isFinite(value) ? undefined : 'a finite number';
    case 'date':
      return isCalendarDate(value) ? undefined : 'a date (YYYY-MM-DD)';
  }
}

function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

function invalidFilter(filter: Filter, problem: string): DomainError {
  return new DomainError('ANALYSIS.INVALID_PARAMS', `Filter on ${filter.variable}: ${problem}`, {
    variable: filter.variable,
    op: filter.op,
  });
}

/**
 * `WHERE …` for the leading conditions and the (validated) filters joined by
 * AND, or '' when there are none; every filter value is bound in `values`.
 */
export function whereClause(
  filters: readonly Filter[],
  columns: readonly WorkspaceColumn[],
  values: SqlValues,
  leading: readonly string[] = [],
): string {
  const conditions = [
    ...leading,
    ...filters.map((filter) =>
      conditionOf(filter, columnOf(columns, filter.variable, VARIABLE_TYPES, 'A filter'), values),
    ),
  ];
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/**
 * Whether a row is in the population the filters describe, as a boolean
 * that is never null (a missing value satisfies no comparison): TRUE
 * without filters.
 */
export function populationCondition(
  filters: readonly Filter[],
  columns: readonly WorkspaceColumn[],
  values: SqlValues,
): string {
  if (filters.length === 0) return 'TRUE';
  const conditions = filters.map((filter) =>
    conditionOf(filter, columnOf(columns, filter.variable, VARIABLE_TYPES, 'A filter'), values),
  );
  return `coalesce(${conditions.join(' AND ')}, FALSE)`;
}

/** The filters of any kind's parameters (every kind takes them), checked again. */
export function filtersOf(params: Readonly<Record<string, unknown>>): Filter[] {
  return filtersSchema.parse(params.filters);
}

function conditionOf(filter: Filter, column: WorkspaceColumn, values: SqlValues): string {
  const x = quoteIdent(column.name);
  switch (filter.op) {
    case 'is-missing':
      return `${x} IS NULL`;
    case 'not-missing':
      return `${x} IS NOT NULL`;
    case 'in':
      return `${x} = ANY(${values.add(filter.values, column.type === 'category' ? 'text[]' : 'integer[]')})`;
    default:
      return `${x} ${COMPARISON_OPERATORS[filter.op]} ${values.add(filter.value, castOf(column.type))}`;
  }
}
