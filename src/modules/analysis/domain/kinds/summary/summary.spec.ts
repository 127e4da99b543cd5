import { DomainError } from '../../../../../shared/errors';
import {
  COLUMNS,
  groupRows,
  passesAll,
  type PersonRow,
  relativelyClose,
  syntheticNodes,
  TABLE,
} from '../testing/synthetic-nodes';
import { summaryKind, type SummaryParams } from '.';

const params = (input: unknown): SummaryParams => summaryKind.params.parse(input);

const valuesOf = (rows: readonly PersonRow[], variable: string): number[] =>
  rows
    .map((row) => row[variable as keyof PersonRow] as number | null)
    .filter((x): x is number => x !== null);

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** What the node's statement returns on these rows: count, avg and var_pop × count. */
function statementRows(rows: readonly PersonRow[], p: SummaryParams): Record<string, unknown>[] {
  const kept = rows.filter((row) => passesAll(row, p.filters));
  const groups = p.groupBy.length > 0 ? groupRows(kept, p.groupBy) : [{ key: [], rows: kept }];
  return groups.map(({ key, rows: members }) => {
    const xs = valuesOf(members, p.variable);
    const mean = xs.length > 0 ? sum(xs) / xs.length : null;
    return {
      ...Object.fromEntries(key.map((value, i) => [`g${i}`, value])),
      n: String(xs.length),
      mean,
      m2: mean === null ? null : sum(xs.map((x) => (x - mean) ** 2)),
    };
  });
}

function expectClose(actual: number | null, expected: number | null): void {
  if (expected === null || actual === null) {
    expect(actual).toBe(expected);
    return;
  }
  if (!relativelyClose(actual, expected)) expect(actual).toBe(expected);
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('summary', () => {
  const nodes = syntheticNodes(7);
  const pooled = nodes.flat();

  it.each([
    {
      variable: 'bmi',
      groupBy: ['sex', 'diabetes'],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    },
    { variable: 'age', groupBy: ['smoker'], filters: [] },
    { variable: 'bmi', groupBy: [], filters: [{ variable: 'sex', op: 'ne', value: 'male' }] },
  ])('pools $variable by $groupBy as computed on the pooled rows', (input) => {
    const p = params({ dataset: 'cohort', ...input });
    const contributions = nodes.map((rows) => summaryKind.read(p, statementRows(rows, p)));

    const result = summaryKind.combine(p, contributions, COLUMNS);

    const kept = pooled.filter((row) => passesAll(row, p.filters));
    const keysSeen = new Set(groupRows(kept, p.groupBy).map(({ key }) => JSON.stringify(key)));
    for (const key of keysSeen) {
      expect(result.groups.map((g) => JSON.stringify(g.key))).toContain(key);
    }
    for (const group of result.groups) {
      const members = kept.filter((row) =>
        p.groupBy.every((name, i) => row[name as keyof PersonRow] === group.key[i]),
      );
      const xs = valuesOf(members, p.variable);
      const n = xs.length;
      const mean = n > 0 ? sum(xs) / n : null;
      const variance =
        mean !== null && n >= 2 ? sum(xs.map((x) => (x - mean) ** 2)) / (n - 1) : null;
      expect(group.n).toBe(n);
      expectClose(group.mean, mean);
      expectClose(group.variance, variance);
      expectClose(group.sd, variance === null ? null : Math.sqrt(variance));
    }
    expect(result.variable).toBe(p.variable);
    expect(result.groupBy).toEqual(p.groupBy);
  });

  it('lists every group, with n = 0 where no node had it; a single value has no variance', () => {
    const p = params({ dataset: 'cohort', variable: 'age', groupBy: ['diabetes'] });
    const result = summaryKind.combine(
      p,
      [
        {
          variable: 'age',
          groupBy: ['diabetes'],
          groups: [
            { key: [true], n: 1, mean: 50, m2: 0 },
            { key: [null], n: 0, mean: null, m2: null },
          ],
        },
      ],
      COLUMNS,
    );
    expect(result.groups).toEqual([
      { key: [false], n: 0, mean: null, variance: null, sd: null },
      { key: [true], n: 1, mean: 50, variance: null, sd: null },
      { key: [null], n: 0, mean: null, variance: null, sd: null },
    ]);
  });

  it('refuses a contribution whose mean is missing though n is not 0', () => {
    const p = params({ dataset: 'cohort', variable: 'age' });
    expect(() =>
      summaryKind.combine(
        p,
        [{ variable: 'age', groupBy: [], groups: [{ key: [], n: 3, mean: null, m2: null }] }],
        COLUMNS,
      ),
    ).toThrow(/malformed/);
  });

  it('finds an n of 9 below a minimum of 10, and lets 10 and 0 pass', () => {
    const contribution = {
      variable: 'bmi',
      groupBy: ['sex'],
      groups: [
        { key: ['female'], n: 9, mean: 25, m2: 40 },
        { key: ['male'], n: 10, mean: 26, m2: 50 },
        { key: [null], n: 0, mean: null, m2: null },
      ],
    };
    expect(summaryKind.check(contribution, { minCount: 10 })).toEqual([
      { rule: 'min-count', cell: 'sex=female:n', value: 9, threshold: 10 },
    ]);
    expect(
      summaryKind.check(
        { variable: 'bmi', groupBy: [], groups: [{ key: [], n: 9, mean: 25, m2: 40 }] },
        { minCount: 10 },
      ),
    ).toEqual([{ rule: 'min-count', cell: 'n', value: 9, threshold: 10 }]);
    expect(summaryKind.persons(contribution)).toBe(19);
  });

  it('runs one statement with every value bound', () => {
    const p = params({
      dataset: 'cohort',
      variable: 'bmi',
      groupBy: ['sex'],
      filters: [{ variable: 'smoker', op: 'in', values: ['never', 'former'] }],
    });
    expect(summaryKind.local(p, TABLE)).toEqual({
      sql: 'SELECT "sex" AS g0, count("bmi") AS n, avg("bmi"::double precision) AS mean, var_pop("bmi"::double precision) * count("bmi") AS m2 FROM "ws_1"."cohort" WHERE "smoker" = ANY($1::text[]) GROUP BY "sex"',
      values: [['never', 'former']],
    });
  });

  it('reads null statistics where n is 0', () => {
    const p = params({ dataset: 'cohort', variable: 'bmi' });
    expect(summaryKind.read(p, [{ n: '0', mean: null, m2: null }])).toEqual({
      variable: 'bmi',
      groupBy: [],
      groups: [{ key: [], n: 0, mean: null, m2: null }],
    });
  });

  it('names every variable it uses, filters included', () => {
    const p = params({
      dataset: 'cohort',
      variable: 'bmi',
      groupBy: ['sex'],
      filters: [{ variable: 'visit', op: 'ge', value: '2020-01-01' }],
    });
    expect(summaryKind.variables(p)).toEqual(['bmi', 'sex', 'visit']);
  });

  describe('parameters', () => {
    it('refuses an unknown variable', () => {
      const error = refusal(() =>
        summaryKind.validate(params({ dataset: 'cohort', variable: 'weight' }), COLUMNS),
      );
      expect(error.code).toBe('ANALYSIS.UNKNOWN_VARIABLE');
    });

    it('refuses summarising a category', () => {
      const error = refusal(() =>
        summaryKind.validate(params({ dataset: 'cohort', variable: 'sex' }), COLUMNS),
      );
      expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
      expect(error.message).toBe('variable needs an integer or number variable; sex is category');
    });

    it('refuses a filter value of the wrong type', () => {
      const error = refusal(() =>
        summaryKind.validate(
          params({
            dataset: 'cohort',
            variable: 'bmi',
            filters: [{ variable: 'age', op: 'gt', value: 40.5 }],
          }),
          COLUMNS,
        ),
      );
      expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
      expect(error.message).toMatch(/^Filter on age: 40.5 is not an integer/);
    });

    it('refuses more than two group variables', () => {
      expect(
        summaryKind.params.safeParse({
          dataset: 'cohort',
          variable: 'bmi',
          groupBy: ['sex', 'smoker', 'diabetes'],
        }).success,
      ).toBe(false);
    });
  });
});
