import { DomainError } from '../../../shared/errors';
import type { WorkspaceColumn } from './analysis-kind';
import { type Filter, filtersSchema, validateFilters, whereClause } from './filters';
import { SqlValues } from './sql';

const COLUMNS: readonly WorkspaceColumn[] = [
  { name: 'sex', type: 'category', levels: ['female', 'male'] },
  { name: 'site', type: 'category' },
  { name: 'diabetes', type: 'boolean' },
  { name: 'age', type: 'integer' },
  { name: 'bmi', type: 'number' },
  { name: 'visit', type: 'date' },
];

const filters = (input: unknown): Filter[] => filtersSchema.parse(input);

function where(input: unknown) {
  const values = new SqlValues();
  const sql = whereClause(filters(input), COLUMNS, values);
  return { sql, values: values.values };
}

function refusal(input: unknown): DomainError {
  try {
    validateFilters(filters(input), COLUMNS);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('filters', () => {
  it('bind every value with the cast of its column', () => {
    expect(
      where([
        { variable: 'sex', op: 'eq', value: 'female' },
        { variable: 'diabetes', op: 'ne', value: true },
        { variable: 'age', op: 'lt', value: 65 },
        { variable: 'bmi', op: 'le', value: 30.5 },
        { variable: 'visit', op: 'gt', value: '2020-01-01' },
        { variable: 'age', op: 'ge', value: 18 },
        { variable: 'sex', op: 'in', values: ['male'] },
        { variable: 'age', op: 'in', values: [40, 50] },
        { variable: 'bmi', op: 'is-missing' },
        { variable: 'visit', op: 'not-missing' },
      ]),
    ).toEqual({
      sql:
        'WHERE "sex" = $1::text AND "diabetes" <> $2::boolean AND "age" < $3::integer' +
        ' AND "bmi" <= $4::double precision AND "visit" > $5::date AND "age" >= $6::integer' +
        ' AND "sex" = ANY($7::text[]) AND "age" = ANY($8::integer[])' +
        ' AND "bmi" IS NULL AND "visit" IS NOT NULL',
      values: ['female', true, 65, 30.5, '2020-01-01', 18, ['male'], [40, 50]],
    });
  });

  it('make no WHERE clause when there are none, and default to none', () => {
    expect(where(undefined)).toEqual({ sql: '', values: [] });
  });

  it('never splice a value into the statement', () => {
    const value = "x' OR 1=1 --";
    const { sql, values } = where([{ variable: 'site', op: 'eq', value }]);
    expect(sql).toBe('WHERE "site" = $1::text');
    expect(values).toEqual([value]);
  });

  it.each([
    [[{ variable: 'age', op: 'in', values: [] }]],
    [[{ variable: 'age', op: 'eq' }]],
    [[{ variable: 'age', op: 'is-missing', value: 3 }]],
    [[{ variable: 'age', op: 'like', value: 3 }]],
    [[{ variable: 'Age', op: 'eq', value: 3 }]],
    [[{ variable: 'age', op: 'eq', value: 3, extra: true }]],
    [Array.from({ length: 21 }, () => ({ variable: 'age', op: 'not-missing' }))],
  ])('refuse a malformed filter list %j', (input) => {
    expect(filtersSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    [{ variable: 'sex', op: 'eq', value: 'male' }],
    [{ variable: 'site', op: 'eq', value: 'anything' }],
    [{ variable: 'diabetes', op: 'eq', value: false }],
    [{ variable: 'age', op: 'in', values: [-3, 2_147_483_647] }],
    [{ variable: 'bmi', op: 'gt', value: 25 }],
    [{ variable: 'visit', op: 'le', value: '2024-02-29' }],
    [{ variable: 'sex', op: 'is-missing' }],
  ])('accept %j', (filter) => {
    expect(() => validateFilters(filters([filter]), COLUMNS)).not.toThrow();
  });

  it.each([
    [
      { variable: 'sex', op: 'eq', value: 'unknown' },
      'Filter on sex: "unknown" is not a level of sex (female, male)',
    ],
    [
      { variable: 'sex', op: 'in', values: ['female', 'x'] },
      'Filter on sex: "x" is not a level of sex (female, male)',
    ],
    [
      { variable: 'sex', op: 'eq', value: 1 },
      'Filter on sex: 1 is not a category level (a string)',
    ],
    [
      { variable: 'sex', op: 'lt', value: 'male' },
      'Filter on sex: lt needs an integer, number or date variable; sex is category',
    ],
    [
      { variable: 'diabetes', op: 'eq', value: 'true' },
      'Filter on diabetes: "true" is not a boolean',
    ],
    [
      { variable: 'diabetes', op: 'in', values: ['true'] },
      'Filter on diabetes: in needs a category or integer variable; diabetes is boolean',
    ],
    [
      { variable: 'age', op: 'eq', value: 40.5 },
      'Filter on age: 40.5 is not an integer between -2147483648 and 2147483647',
    ],
    [
      { variable: 'age', op: 'gt', value: 3_000_000_000 },
      'Filter on age: 3000000000 is not an integer between -2147483648 and 2147483647',
    ],
    [{ variable: 'bmi', op: 'eq', value: '25' }, 'Filter on bmi: "25" is not a finite number'],
    [
      { variable: 'bmi', op: 'in', values: [25] },
      'Filter on bmi: in needs a category or integer variable; bmi is number',
    ],
    [
      { variable: 'visit', op: 'ge', value: '2023-02-29' },
      'Filter on visit: "2023-02-29" is not a date (YYYY-MM-DD)',
    ],
    [
      { variable: 'visit', op: 'ge', value: '0000-01-01' },
      'Filter on visit: "0000-01-01" is not a date (YYYY-MM-DD)',
    ],
    [
      { variable: 'visit', op: 'ge', value: '2023-1-9' },
      'Filter on visit: "2023-1-9" is not a date (YYYY-MM-DD)',
    ],
  ])('refuse %j', (filter, message) => {
    const error = refusal([filter]);
    expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
    expect(error.message).toBe(message);
  });

  it('refuse a variable that is not a column', () => {
    const error = refusal([{ variable: 'weight', op: 'not-missing' }]);
    expect(error.code).toBe('ANALYSIS.UNKNOWN_VARIABLE');
    expect(error.details).toEqual({ variable: 'weight' });
  });
});
