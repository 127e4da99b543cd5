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
  relativelyClose,
  releasedUnderRules,
  RULES,
  sum,
  SUPPRESSION_CASES,
  syntheticNodes,
  TABLE,
  oneRound,
} from '../testing/synthetic-nodes';
import { type SummaryContribution, summaryKind as summaryModule, type SummaryParams } from '.';

const summaryKind = oneRound(summaryModule);

const params = (input: unknown): SummaryParams => summaryKind.params.parse(input);

const valuesOf = (rows: readonly PersonRow[], variable: string): number[] =>
  rows
    .map((row) => row[variable as keyof PersonRow] as number | null)
    .filter((x): x is number => x !== null);

/**
 * What the node's statement returns on these rows: per group (one for the
 * rows missing a group variable too) count(*), count, avg and var_pop × count.
 */
function statementRows(rows: readonly PersonRow[], p: SummaryParams): Record<string, unknown>[] {
  const kept = rows.filter((row) => passesAll(row, p.filters));
  const groups = p.groupBy.length > 0 ? groupRows(kept, p.groupBy) : [{ key: [], rows: kept }];
  return groups.map(({ key, rows: members }) => {
    const xs = valuesOf(members, p.variable);
    const mean = xs.length > 0 ? sum(xs) / xs.length : null;
    return {
      ...Object.fromEntries(key.map((value, i) => [`g${i}`, value])),
      rows: String(members.length),
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
      excluded: { count: 89, withheldAt: 0 },
    },
    { variable: 'age', groupBy: ['smoker'], filters: [], excluded: { count: 73, withheldAt: 0 } },
    {
      variable: 'bmi',
      groupBy: [],
      filters: [{ variable: 'sex', op: 'ne', value: 'male' }],
      excluded: { count: 57, withheldAt: 0 },
    },
    // The nodes leave out 15, 10 and 7 persons: 10, the minimum count, is released; 7 is withheld.
    { variable: 'age', groupBy: [], filters: [], excluded: { count: 25, withheldAt: 1 } },
  ])(
    'pools $variable by $groupBy as computed on the pooled complete cases',
    ({ excluded, ...input }) => {
      const p = params({ dataset: 'cohort', ...input });
      const contributions = nodes.map((rows) => summaryKind.read(p, statementRows(rows, p)));
      const released = contributions.map((c) => summaryKind.suppress(c, RULES));

      const result = summaryKind.combine(p, released, COLUMNS);

      const used = [p.variable, ...p.groupBy];
      const kept = pooled.filter((row) => passesAll(row, p.filters));
      const complete = kept.filter((row) => isComplete(row, used));
      expect(result.groups.map((group) => group.key)).toEqual(levelCombinations(p.groupBy));
      for (const group of result.groups) {
        const xs = complete
          .filter((row) => hasKey(row, p.groupBy, group.key))
          .map((row) => row[p.variable as keyof PersonRow] as number);
        const n = xs.length;
        const mean = n > 0 ? sum(xs) / n : null;
        const variance =
          mean !== null && n >= 2 ? sum(xs.map((x) => (x - mean) ** 2)) / (n - 1) : null;
        expect(group.n).toBe(n);
        expectClose(group.mean, mean);
        expectClose(group.variance, variance);
        expectClose(group.sd, variance === null ? null : Math.sqrt(variance));
      }
      expect(sum(result.groups.map((group) => group.n))).toBe(complete.length);
      expect(sum(released.map((c) => summaryKind.persons(c)))).toBe(complete.length);
      expect(result.variable).toBe(p.variable);
      expect(result.groupBy).toEqual(p.groupBy);

      const perNode = excludedAt(nodes, p.filters, used);
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

  it('leaves out the rows missing a group variable, and in a group the rows missing the variable', () => {
    const p = params({ dataset: 'cohort', variable: 'bmi', groupBy: ['sex'] });
    const rows = nodes[0];
    const contribution = summaryKind.read(p, statementRows(rows, p));
    const missingSex = rows.filter((row) => row.sex === null).length;
    const missingBmiOnly = rows.filter((row) => row.sex !== null && row.bmi === null).length;
    expect(missingSex).toBeGreaterThan(0);
    expect(missingBmiOnly).toBeGreaterThan(0);
    expect(contribution.groups.map((group) => group.key[0]).sort()).toEqual([
      'female',
      'male',
      'other',
    ]);
    for (const group of contribution.groups) {
      expect(group.n).toBe(
        rows.filter((row) => row.sex === group.key[0] && row.bmi !== null).length,
      );
    }
    expect(contribution.excluded).toBe(missingSex + missingBmiOnly);
  });

  it('lists every group, with n = 0 where no node had it; a single value has no variance', () => {
    const p = params({ dataset: 'cohort', variable: 'age', groupBy: ['diabetes'] });
    const result = summaryKind.combine(
      p,
      [
        {
          variable: 'age',
          groupBy: ['diabetes'],
          groups: [{ key: [true], n: 1, mean: 50, m2: 0 }],
          excluded: 12,
        },
        { variable: 'age', groupBy: ['diabetes'], groups: [], excluded: null },
      ],
      COLUMNS,
    );
    expect(result).toEqual({
      variable: 'age',
      groupBy: ['diabetes'],
      groups: [
        { key: [false], n: 0, mean: null, variance: null, sd: null },
        { key: [true], n: 1, mean: 50, variance: null, sd: null },
      ],
      excluded: { count: 12, withheldAt: 1 },
    });
  });

  it('refuses a contribution whose mean is missing though n is not 0', () => {
    const p = params({ dataset: 'cohort', variable: 'age' });
    expect(() =>
      summaryKind.combine(
        p,
        [
          {
            variable: 'age',
            groupBy: [],
            groups: [{ key: [], n: 3, mean: null, m2: null }],
            excluded: 0,
          },
        ],
        COLUMNS,
      ),
    ).toThrow(/malformed/);
  });

  it('refuses a contribution without a whole number of persons left out, or null', () => {
    const p = params({ dataset: 'cohort', variable: 'age' });
    const groups = [{ key: [], n: 30, mean: 50, m2: 900 }];
    const combine = (contribution: unknown) =>
      summaryKind.combine(p, [contribution as SummaryContribution], COLUMNS);
    expect(() => combine({ variable: 'age', groupBy: [], groups })).toThrow(/malformed/);
    expect(() => combine({ variable: 'age', groupBy: [], groups, excluded: -3 })).toThrow(
      /malformed/,
    );
    expect(combine({ variable: 'age', groupBy: [], groups, excluded: null }).excluded).toEqual({
      count: 0,
      withheldAt: 1,
    });
  });

  it('finds an n of 9 below a minimum of 10, and lets 10 and 0 pass', () => {
    const contribution = {
      variable: 'bmi',
      groupBy: ['sex'],
      groups: [
        { key: ['female'], n: 9, mean: 25, m2: 40 },
        { key: ['male'], n: 10, mean: 26, m2: 50 },
        { key: ['other'], n: 0, mean: null, m2: null },
      ],
      excluded: 0,
    };
    expect(summaryKind.check(contribution, RULES)).toEqual([
      { rule: 'min-count', cell: 'sex=female:n', value: 9, threshold: 10 },
    ]);
    expect(
      summaryKind.check(
        {
          variable: 'bmi',
          groupBy: [],
          groups: [{ key: [], n: 9, mean: 25, m2: 40 }],
          excluded: 0,
        },
        RULES,
      ),
    ).toEqual([{ rule: 'min-count', cell: 'n', value: 9, threshold: 10 }]);
    expect(summaryKind.persons(contribution)).toBe(19);
  });

  it('reads the largest values per group as evidence beside the contribution, never in it, and checks dominance with it', () => {
    const p = params({ dataset: 'cohort', variable: 'bmi', groupBy: ['sex'] });
    // As the driver gives them: counts as text.
    const rows = [
      { g0: 'female', rows: '12', n: '12', mean: 10, m2: 4, largest: 80, second: 10, smallest: 0 },
      { g0: 'male', rows: '12', n: '12', mean: 10, m2: 4, largest: 15, second: 15, smallest: 5 },
      { g0: null, rows: '13', n: '13', mean: 1, m2: 0, largest: 1, second: 1, smallest: 1 },
    ];
    const contribution = summaryKind.read(p, rows);
    const evidence = summaryKind.evidence(p, rows)!;
    expect(JSON.stringify(contribution)).not.toMatch(/second|largest|smallest|80/);
    expect(evidence).toEqual([
      { key: ['female'], total: 120, largest: 80, second: 10, smallest: 0 },
      { key: ['male'], total: 120, largest: 15, second: 15, smallest: 5 },
    ]);
    // 80 + 10 of 120 is 75% (under 90%), but the rest, 30, is over a tenth of 80: passes;
    // under k = 0.7 the female mean is dominated.
    expect(summaryKind.check(contribution, RULES, evidence)).toEqual([]);
    expect(summaryKind.check(contribution, { ...RULES, dominanceK: 0.7 }, evidence)).toEqual([
      { rule: 'dominance', cell: 'sex=female:mean', value: 0.75, threshold: 0.7 },
    ]);
  });

  describe('suppress', () => {
    const contribution: SummaryContribution = {
      variable: 'bmi',
      groupBy: ['sex'],
      groups: [
        { key: ['female'], n: 40, mean: 25, m2: 400 },
        { key: ['male'], n: 35, mean: 26.5, m2: 350 },
      ],
      excluded: 0,
    };

    it.each(SUPPRESSION_CASES)(
      'releases $excluded persons left out as $released, the groups untouched',
      ({ excluded, released }) => {
        expect(summaryKind.suppress({ ...contribution, excluded }, RULES)).toEqual({
          ...contribution,
          excluded: released,
        });
      },
    );

    it('lets a contribution with a few persons left out pass the checks', () => {
      const small = summaryKind.suppress({ ...contribution, excluded: 3 }, RULES);
      expect(small.excluded).toBeNull();
      expect(summaryKind.check(small, RULES)).toEqual([]);
      expect(summaryKind.persons(small)).toBe(75);
    });
  });

  it('runs one statement with every value bound, counting every row as well as the values', () => {
    const p = params({
      dataset: 'cohort',
      variable: 'bmi',
      groupBy: ['sex'],
      filters: [{ variable: 'smoker', op: 'in', values: ['never', 'former'] }],
    });
    expect(summaryKind.local(p, TABLE)).toEqual({
      sql:
        'SELECT "sex" AS g0, count(*) AS rows, count("bmi") AS n, avg("bmi"::double precision) AS mean, var_pop("bmi"::double precision) * count("bmi") AS m2, max("bmi"::double precision) AS largest, ' +
        'CASE WHEN 4 * max("bmi"::double precision) >= avg("bmi"::double precision) * count("bmi") ' +
        'THEN (SELECT i."bmi"::double precision FROM "ws_1"."cohort" AS i WHERE i."bmi" IS NOT NULL AND i."sex" = o."sex" AND "smoker" = ANY($1::text[]) ORDER BY 1 DESC OFFSET 1 LIMIT 1) ' +
        'ELSE max("bmi"::double precision) END AS second, min("bmi"::double precision) AS smallest FROM "ws_1"."cohort" AS o WHERE "smoker" = ANY($2::text[]) GROUP BY "sex"',
      values: [
        ['never', 'former'],
        ['never', 'former'],
      ],
    });
    expect(summaryKind.local(params({ dataset: 'cohort', variable: 'age' }), TABLE)).toEqual({
      sql:
        'SELECT count(*) AS rows, count("age") AS n, avg("age"::double precision) AS mean, var_pop("age"::double precision) * count("age") AS m2, max("age"::double precision) AS largest, ' +
        'CASE WHEN 4 * max("age"::double precision) >= avg("age"::double precision) * count("age") ' +
        'THEN (SELECT i."age"::double precision FROM "ws_1"."cohort" AS i WHERE i."age" IS NOT NULL ORDER BY 1 DESC OFFSET 1 LIMIT 1) ' +
        'ELSE max("age"::double precision) END AS second, min("age"::double precision) AS smallest FROM "ws_1"."cohort" AS o',
      values: [],
    });
  });

  it('reads null statistics where n is 0', () => {
    const p = params({ dataset: 'cohort', variable: 'bmi' });
    expect(summaryKind.read(p, [{ rows: '0', n: '0', mean: null, m2: null }])).toEqual({
      variable: 'bmi',
      groupBy: [],
      groups: [{ key: [], n: 0, mean: null, m2: null }],
      excluded: 0,
    });
    expect(summaryKind.read(p, [{ rows: '4', n: '0', mean: null, m2: null }])).toEqual({
      variable: 'bmi',
      groupBy: [],
      groups: [{ key: [], n: 0, mean: null, m2: null }],
      excluded: 4,
    });
  });

  it('reads the rows missing the variable, and a group with a missing key, as persons left out', () => {
    const p = params({ dataset: 'cohort', variable: 'bmi', groupBy: ['sex'] });
    expect(
      summaryKind.read(p, [
        { g0: 'female', rows: '12', n: '10', mean: 25, m2: '40.5' },
        { g0: null, rows: '5', n: '4', mean: 30, m2: 10 },
        { g0: 'male', rows: 3, n: '0', mean: null, m2: null },
        { g0: 'other', rows: '11', n: '11', mean: 27, m2: 60 },
      ]),
    ).toEqual({
      variable: 'bmi',
      groupBy: ['sex'],
      groups: [
        { key: ['female'], n: 10, mean: 25, m2: 40.5 },
        { key: ['male'], n: 0, mean: null, m2: null },
        { key: ['other'], n: 11, mean: 27, m2: 60 },
      ],
      excluded: 2 + 5 + 3,
    });
    expect(() => summaryKind.read(p, [{ g0: 'female', n: '10', mean: 25, m2: 40 }])).toThrow(
      /rows is not a whole number/,
    );
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
