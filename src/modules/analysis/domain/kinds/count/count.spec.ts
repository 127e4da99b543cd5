import { DomainError } from '../../../../../shared/errors';
import {
  COLUMNS,
  excludedAt,
  groupRows,
  hasKey,
  isComplete,
  levelCombinations,
  passesAll,
  type PersonRow,
  releasedUnderRules,
  RULES,
  sum,
  SUPPRESSION_CASES,
  syntheticNodes,
  TABLE,
  oneRound,
} from '../testing/synthetic-nodes';
import { type CountContribution, countKind as countModule, type CountParams } from '.';

const countKind = oneRound(countModule);

const params = (input: unknown): CountParams => countKind.params.parse(input);

/**
 * What the node's statement returns on these rows, as the driver hands it
 * over: GROUP BY makes a group of the rows missing a group variable too.
 */
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

  it.each([
    {
      groupBy: ['sex', 'diabetes'],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
      excluded: { count: 42, withheldAt: 0 },
    },
    {
      // smoker is missing in no row the filter keeps, so only sex and diabetes leave rows out.
      groupBy: ['smoker', 'sex', 'diabetes'],
      filters: [
        { variable: 'bmi', op: 'lt', value: 30 },
        { variable: 'smoker', op: 'in', values: ['never', 'current'] },
      ],
      excluded: { count: 0, withheldAt: 3 },
    },
    { groupBy: ['sex'], filters: [], excluded: { count: 11, withheldAt: 2 } },
    {
      groupBy: [],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
      excluded: { count: 0, withheldAt: 0 },
    },
  ])(
    'counts by $groupBy exactly as on the pooled complete cases, and pools the persons left out',
    ({ excluded, ...input }) => {
      const p = params({ dataset: 'cohort', ...input });
      const contributions = contributionsOf(nodes, p);
      const released = contributions.map((c) => countKind.suppress(c, RULES));

      const result = countKind.combine(p, released, COLUMNS);

      const kept = pooled.filter((row) => passesAll(row, p.filters));
      const complete = kept.filter((row) => isComplete(row, p.groupBy));
      expect(result.groupBy).toEqual(p.groupBy);
      expect(result.cells).toEqual(
        levelCombinations(p.groupBy).map((key) => ({
          key,
          count: complete.filter((row) => hasKey(row, p.groupBy, key)).length,
        })),
      );
      expect(result.total).toBe(complete.length);
      expect(sum(released.map((c) => countKind.persons(c)))).toBe(complete.length);

      const perNode = excludedAt(nodes, p.filters, p.groupBy);
      expect(contributions.map((c) => c.excluded)).toEqual(perNode);
      expect(released.map((c) => c.excluded)).toEqual(perNode.map(releasedUnderRules));
      const withheld = perNode.filter((m) => releasedUnderRules(m) === null);
      expect(result.excluded).toEqual({
        count: kept.length - complete.length - sum(withheld),
        withheldAt: withheld.length,
      });
      expect(result.excluded).toEqual(excluded);
    },
  );

  it('leaves a node with no matching row out of every cell, and a level it lacks', () => {
    const p = params({
      dataset: 'cohort',
      groupBy: ['sex', 'diabetes'],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    });
    const contributions = contributionsOf(nodes, p);
    expect(contributions[2]).toEqual({ groupBy: ['sex', 'diabetes'], cells: [], excluded: 0 });
    expect(contributions[1].cells.some((cell) => cell.key[0] === 'other')).toBe(false);
    expect(
      contributions.flatMap((c) => c.cells).some((cell) => (cell.key as unknown[]).includes(null)),
    ).toBe(false);
  });

  it('combines a total without group variables, a node with no matching row adding 0', () => {
    const p = params({ dataset: 'cohort', filters: [{ variable: 'age', op: 'ge', value: 40 }] });
    const contributions = contributionsOf(nodes, p);
    expect(contributions[2]).toEqual({ groupBy: [], cells: [{ key: [], count: 0 }], excluded: 0 });

    const result = countKind.combine(p, contributions, COLUMNS);

    const direct = pooled.filter((row) => row.age !== null && row.age >= 40).length;
    expect(result).toEqual({
      groupBy: [],
      cells: [{ key: [], count: direct }],
      total: direct,
      excluded: { count: 0, withheldAt: 0 },
    });
    expect(sum(contributions.map((c) => countKind.persons(c)))).toBe(direct);
  });

  it('lists every level, with 0 where no node had it, and pools the numbers left out', () => {
    const p = params({ dataset: 'cohort', groupBy: ['smoker'] });
    const result = countKind.combine(
      p,
      [
        { groupBy: ['smoker'], cells: [{ key: ['current'], count: 12 }], excluded: 0 },
        { groupBy: ['smoker'], cells: [{ key: ['never'], count: 20 }], excluded: 11 },
        { groupBy: ['smoker'], cells: [{ key: ['never'], count: 15 }], excluded: null },
      ],
      COLUMNS,
    );
    expect(result).toEqual({
      groupBy: ['smoker'],
      cells: [
        { key: ['never'], count: 35 },
        { key: ['former'], count: 0 },
        { key: ['current'], count: 12 },
      ],
      total: 47,
      excluded: { count: 11, withheldAt: 1 },
    });
  });

  it('refuses a contribution grouped otherwise than asked', () => {
    const p = params({ dataset: 'cohort', groupBy: ['sex'] });
    expect(() =>
      countKind.combine(
        p,
        [{ groupBy: ['smoker'], cells: [{ key: ['never'], count: 20 }], excluded: 0 }],
        COLUMNS,
      ),
    ).toThrow(/not grouped by sex/);
    const malformed = {
      groupBy: ['sex'],
      cells: 'many',
      excluded: 0,
    } as unknown as CountContribution;
    expect(() => countKind.combine(p, [malformed], COLUMNS)).toThrow(/malformed/);
  });

  it('refuses a contribution without a whole number of persons left out, or null', () => {
    const p = params({ dataset: 'cohort', groupBy: ['sex'] });
    const cells = [{ key: ['male'], count: 20 }];
    const combine = (contribution: unknown) =>
      countKind.combine(p, [contribution as CountContribution], COLUMNS);
    expect(() => combine({ groupBy: ['sex'], cells })).toThrow(/malformed/);
    expect(() => combine({ groupBy: ['sex'], cells, excluded: -1 })).toThrow(/malformed/);
    expect(() => combine({ groupBy: ['sex'], cells, excluded: 2.5 })).toThrow(/malformed/);
    // A missing group value is no complete case: persons there would silently vanish.
    expect(() =>
      combine({ groupBy: ['sex'], cells: [{ key: [null], count: 20 }], excluded: 0 }),
    ).toThrow(/malformed/);
    expect(combine({ groupBy: ['sex'], cells, excluded: null }).excluded).toEqual({
      count: 0,
      withheldAt: 1,
    });
  });

  it('finds a count of 9 below a minimum of 10, and lets 10 and 0 pass', () => {
    const contribution = {
      groupBy: ['sex', 'diabetes'],
      cells: [
        { key: ['female', true], count: 9 },
        { key: ['male', true], count: 10 },
        { key: ['other', false], count: 0 },
      ],
      excluded: 0,
    };
    const withoutZeros = { ...RULES, zerosReview: false };
    expect(countKind.check(contribution, withoutZeros)).toEqual([
      { rule: 'min-count', cell: 'sex=female,diabetes=true', value: 9, threshold: 10 },
    ]);
    expect(
      countKind.check({ groupBy: [], cells: [{ key: [], count: 9 }], excluded: 0 }, RULES),
    ).toEqual([{ rule: 'min-count', cell: 'total', value: 9, threshold: 10 }]);
    expect(
      countKind.check({ groupBy: [], cells: [{ key: [], count: 0 }], excluded: 0 }, RULES),
    ).toEqual([]);
  });

  it('finds for review each empty cell of the table of the levels seen here, and no more than 40 levels a variable', () => {
    const contribution: CountContribution = {
      groupBy: ['sex', 'diabetes'],
      cells: [
        { key: ['female', true], count: 12 },
        { key: ['female', false], count: 0 },
        { key: ['male', true], count: 15 },
      ],
      excluded: 0,
    };
    expect(countKind.check(contribution, RULES)).toEqual([
      { rule: 'zeros', cell: 'sex=female,diabetes=false', value: 0, threshold: 0 },
      { rule: 'zeros', cell: 'sex=male,diabetes=false', value: 0, threshold: 0 },
    ]);
    const full = {
      ...contribution,
      cells: [
        ...contribution.cells.slice(0, 1),
        { key: ['female', false], count: 10 },
        { key: ['male', true], count: 15 },
        { key: ['male', false], count: 11 },
      ],
    };
    expect(countKind.check(full, RULES)).toEqual([]);
    const levels = (n: number): CountContribution => ({
      groupBy: ['code'],
      cells: Array.from({ length: n }, (_, i) => ({ key: [`c${i}`], count: 10 })),
      excluded: 0,
    });
    expect(countKind.check(levels(41), RULES)).toEqual([
      { rule: 'max-levels', cell: 'code', value: 41, threshold: 40 },
    ]);
    expect(countKind.check(levels(40), RULES)).toEqual([]);
  });

  describe('suppress', () => {
    const contribution: CountContribution = {
      groupBy: ['sex'],
      cells: [
        { key: ['female'], count: 40 },
        { key: ['male'], count: 35 },
      ],
      excluded: 0,
    };

    it.each(SUPPRESSION_CASES)(
      'releases $excluded persons left out as $released, the cells untouched',
      ({ excluded, released }) => {
        expect(countKind.suppress({ ...contribution, excluded }, RULES)).toEqual({
          ...contribution,
          excluded: released,
        });
      },
    );

    it('lets a contribution with a few persons left out pass the checks', () => {
      const small = countKind.suppress({ ...contribution, excluded: 3 }, RULES);
      expect(small.excluded).toBeNull();
      expect(countKind.check(small, RULES)).toEqual([]);
      expect(countKind.persons(small)).toBe(75);
    });
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
        { g0: false, n: 30 },
      ]),
    ).toEqual({
      groupBy: ['diabetes'],
      cells: [
        { key: [true], count: 12 },
        { key: [false], count: 30 },
      ],
      excluded: 0,
    });
    expect(countKind.read(params({ dataset: 'cohort' }), [{ n: '0' }])).toEqual({
      groupBy: [],
      cells: [{ key: [], count: 0 }],
      excluded: 0,
    });
    expect(() => countKind.read(p, [{ g0: true, n: '1.5' }])).toThrow(/not a whole number/);
  });

  it('reads a group with a missing key as persons left out, not as a cell', () => {
    const p = params({ dataset: 'cohort', groupBy: ['sex', 'diabetes'] });
    expect(
      countKind.read(p, [
        { g0: 'female', g1: null, n: '4' },
        { g0: 'male', g1: false, n: '20' },
        { g0: null, g1: true, n: 2 },
        { g0: null, g1: null, n: '1' },
        { g0: 'female', g1: true, n: '11' },
      ]),
    ).toEqual({
      groupBy: ['sex', 'diabetes'],
      cells: [
        { key: ['male', false], count: 20 },
        { key: ['female', true], count: 11 },
      ],
      excluded: 7,
    });
    expect(() => countKind.read(p, [{ g0: null, g1: true, n: '-1' }])).toThrow(
      /not a whole number/,
    );
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
