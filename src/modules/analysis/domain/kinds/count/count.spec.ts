import { DomainError } from '../../../../../shared/errors';
import {
  COLUMNS,
  groupRows,
  passesAll,
  type PersonRow,
  syntheticNodes,
  TABLE,
} from '../testing/synthetic-nodes';
import { type CountContribution, countKind, type CountParams } from '.';

const params = (input: unknown): CountParams => countKind.params.parse(input);

/** What the node's statement returns on these rows, as the driver hands it over. */
function statementRows(rows: readonly PersonRow[], p: CountParams): Record<string, unknown>[] {
  const kept = rows.filter((row) => passesAll(row, p.filters));
  if (p.groupBy.length === 0) return [{ n: String(kept.length) }];
  return groupRows(kept, p.groupBy).map(({ key, rows: members }) => ({
    ...Object.fromEntries(key.map((value, i) => [`g${i}`, value])),
    n: String(members.length),
  }));
}

function contributionsOf(nodes: readonly PersonRow[][], p: CountParams) {
  return nodes.map((rows) => countKind.read(p, statementRows(rows, p)));
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

describe('count', () => {
  const nodes = syntheticNodes(20240611);
  const pooled = nodes.flat();

  it('combines a contingency table exactly as counted on the pooled rows', () => {
    const p = params({
      dataset: 'cohort',
      groupBy: ['sex', 'diabetes'],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    });
    const contributions = contributionsOf(nodes, p);
    expect(contributions[2].cells).toEqual([]);
    expect(contributions[1].cells.some((cell) => cell.key[0] === 'other')).toBe(false);

    const result = countKind.combine(p, contributions, COLUMNS);

    const kept = pooled.filter((row) => passesAll(row, p.filters));
    const sexes = ['female', 'male', 'other', ...(kept.some((r) => r.sex === null) ? [null] : [])];
    const diabetes = [false, true, ...(kept.some((r) => r.diabetes === null) ? [null] : [])];
    const expected = sexes.flatMap((sex) =>
      diabetes.map((d) => ({
        key: [sex, d],
        count: kept.filter((row) => row.sex === sex && row.diabetes === d).length,
      })),
    );
    expect(result.cells).toEqual(expected);
    expect(result.total).toBe(kept.length);
    expect(result.groupBy).toEqual(['sex', 'diabetes']);
  });

  it('combines three group variables, with a level absent at one node', () => {
    const p = params({
      dataset: 'cohort',
      groupBy: ['smoker', 'sex', 'diabetes'],
      filters: [
        { variable: 'bmi', op: 'lt', value: 30 },
        { variable: 'smoker', op: 'in', values: ['never', 'current'] },
      ],
    });
    const result = countKind.combine(p, contributionsOf(nodes, p), COLUMNS);

    const kept = pooled.filter((row) => passesAll(row, p.filters));
    for (const { key, count } of result.cells) {
      const [smoker, sex, diabetes] = key;
      const direct = kept.filter(
        (row) => row.smoker === smoker && row.sex === sex && row.diabetes === diabetes,
      ).length;
      expect(count).toBe(direct);
    }
    for (const row of kept) {
      expect(result.cells).toContainEqual(
        expect.objectContaining({ key: [row.smoker, row.sex, row.diabetes] }),
      );
    }
    expect(result.cells.filter((cell) => cell.key[1] === 'other').length).toBeGreaterThan(0);
    expect(result.total).toBe(kept.length);
  });

  it('combines a total without group variables, a node with no matching row adding 0', () => {
    const p = params({ dataset: 'cohort', filters: [{ variable: 'age', op: 'ge', value: 40 }] });
    const contributions = contributionsOf(nodes, p);
    expect(contributions[2]).toEqual({ groupBy: [], cells: [{ key: [], count: 0 }] });

    const result = countKind.combine(p, contributions, COLUMNS);

    const direct = pooled.filter((row) => row.age !== null && row.age >= 40).length;
    expect(result).toEqual({ groupBy: [], cells: [{ key: [], count: direct }], total: direct });
    expect(contributions.map((c) => countKind.persons(c)).reduce((a, b) => a + b)).toBe(direct);
  });

  it('lists every level, with 0 where no node had it, and missing last', () => {
    const p = params({ dataset: 'cohort', groupBy: ['smoker'] });
    const result = countKind.combine(
      p,
      [
        { groupBy: ['smoker'], cells: [{ key: ['current'], count: 12 }] },
        {
          groupBy: ['smoker'],
          cells: [
            { key: [null], count: 11 },
            { key: ['never'], count: 20 },
          ],
        },
      ],
      COLUMNS,
    );
    expect(result.cells).toEqual([
      { key: ['never'], count: 20 },
      { key: ['former'], count: 0 },
      { key: ['current'], count: 12 },
      { key: [null], count: 11 },
    ]);
    expect(result.total).toBe(43);
  });

  it('refuses a contribution grouped otherwise than asked', () => {
    const p = params({ dataset: 'cohort', groupBy: ['sex'] });
    expect(() =>
      countKind.combine(
        p,
        [{ groupBy: ['smoker'], cells: [{ key: ['never'], count: 20 }] }],
        COLUMNS,
      ),
    ).toThrow(/not grouped by sex/);
    const malformed = { groupBy: ['sex'], cells: 'many' } as unknown as CountContribution;
    expect(() => countKind.combine(p, [malformed], COLUMNS)).toThrow(/malformed/);
  });

  it('finds a count of 9 below a minimum of 10, and lets 10 and 0 pass', () => {
    const contribution = {
      groupBy: ['sex', 'diabetes'],
      cells: [
        { key: ['female', true], count: 9 },
        { key: ['male', true], count: 10 },
        { key: ['other', null], count: 0 },
      ],
    };
    expect(countKind.check(contribution, { minCount: 10 })).toEqual([
      { rule: 'min-count', cell: 'sex=female,diabetes=true', value: 9, threshold: 10 },
    ]);
    expect(
      countKind.check({ groupBy: [], cells: [{ key: [], count: 9 }] }, { minCount: 10 }),
    ).toEqual([{ rule: 'min-count', cell: 'total', value: 9, threshold: 10 }]);
    expect(
      countKind.check({ groupBy: [], cells: [{ key: [], count: 0 }] }, { minCount: 10 }),
    ).toEqual([]);
  });

  it('runs one statement with every value bound', () => {
    const p = params({
      dataset: 'cohort',
      groupBy: ['sex', 'diabetes'],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    });
    expect(countKind.local(p, TABLE)).toEqual({
      sql: 'SELECT "sex" AS g0, "diabetes" AS g1, count(*) AS n FROM "ws_1"."cohort" WHERE "age" >= $1::integer GROUP BY "sex", "diabetes"',
      values: [40],
    });
    expect(countKind.local(params({ dataset: 'cohort' }), TABLE)).toEqual({
      sql: 'SELECT count(*) AS n FROM "ws_1"."cohort"',
      values: [],
    });
  });

  it('reads counts that come as text or numbers', () => {
    const p = params({ dataset: 'cohort', groupBy: ['diabetes'] });
    expect(
      countKind.read(p, [
        { g0: true, n: '12' },
        { g0: null, n: 3 },
      ]),
    ).toEqual({
      groupBy: ['diabetes'],
      cells: [
        { key: [true], count: 12 },
        { key: [null], count: 3 },
      ],
    });
    expect(() => countKind.read(p, [{ g0: true, n: '1.5' }])).toThrow(/not a whole number/);
  });

  it('names every variable it uses, filters included', () => {
    const p = params({
      dataset: 'cohort',
      groupBy: ['sex'],
      filters: [
        { variable: 'age', op: 'ge', value: 40 },
        { variable: 'sex', op: 'ne', value: 'other' },
      ],
    });
    expect(countKind.variables(p)).toEqual(['sex', 'age']);
  });

  describe('parameters', () => {
    it('refuses more than three or repeated group variables', () => {
      const groupBy = (names: string[]) =>
        countKind.params.safeParse({ dataset: 'cohort', groupBy: names }).success;
      expect(groupBy(['sex', 'smoker', 'diabetes'])).toBe(true);
      expect(groupBy(['sex', 'smoker', 'diabetes', 'visit'])).toBe(false);
      expect(groupBy(['sex', 'sex'])).toBe(false);
    });

    it('refuses an unknown variable', () => {
      const error = refusal(() =>
        countKind.validate(params({ dataset: 'cohort', groupBy: ['weight'] }), COLUMNS),
      );
      expect(error.code).toBe('ANALYSIS.UNKNOWN_VARIABLE');
    });

    it('refuses grouping by a number', () => {
      const error = refusal(() =>
        countKind.validate(params({ dataset: 'cohort', groupBy: ['bmi'] }), COLUMNS),
      );
      expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
      expect(error.message).toBe('groupBy needs a category or boolean variable; bmi is number');
    });

    it('refuses a filter value that is not a level', () => {
      const error = refusal(() =>
        countKind.validate(
          params({ dataset: 'cohort', filters: [{ variable: 'sex', op: 'eq', value: 'unknown' }] }),
          COLUMNS,
        ),
      );
      expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
      expect(error.message).toMatch(/sex/);
    });
  });
});
