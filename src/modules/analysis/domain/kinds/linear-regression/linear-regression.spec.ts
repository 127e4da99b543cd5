import { DomainError } from '../../../../../shared/errors';
import type { WorkspaceColumn } from '../../analysis-kind';
import { studentTTwoSidedP } from '../../math/distributions';
import {
  casesOf,
  expectRelative,
  indicator as is,
  invertByElimination,
  MODEL_COLUMNS,
  MODEL_TABLE,
  type ModelRow,
  modelNodes,
  times,
  usedBy,
  weightedSums,
  HandModel,
  outcomeOf,
} from '../testing/model-nodes';
import { oneRound, RULES, SUPPRESSION_CASES, sum } from '../testing/synthetic-nodes';
import {
  type LinearRegressionContribution,
  linearRegressionKind as linearModule,
  type LinearRegressionParams,
} from '.';

const kind = oneRound(linearModule);

const params = (input: unknown): LinearRegressionParams => kind.params.parse(input);

/**
 * What the node's statement returns on these rows: the design column names
 * it echoes, count(*), the complete cases, and over those the sums (null
 * when there is none, as SQL's sum of no rows). `keep` leaves out the columns
 * of a level the node does not declare.
 */
function statementRows(
  rows: readonly ModelRow[],
  p: LinearRegressionParams,
  { names, encode }: HandModel,
  keep: (name: string) => boolean = () => true,
): Record<string, unknown>[] {
  const { kept, complete } = casesOf(rows, p.filters, usedBy(p.outcome, p.predictors));
  const columns = names.filter(keep);
  const xs = complete.map((row) => encode(row).filter((_, j) => keep(names[j])));
  const ys = complete.map((row) => outcomeOf(row, p.outcome));
  const total = (values: number[]) => (complete.length > 0 ? sum(values) : null);
  const row: Record<string, unknown> = {
    columns,
    rows: String(kept.length),
    n: String(complete.length),
    yty: total(ys.map((y) => y * y)),
  };
  columns.forEach((_, j) => {
    row[`xty_${j}`] = total(xs.map((x, i) => x[j] * ys[i]));
    for (let k = j; k < columns.length; k++)
      row[`xtx_${j}_${k}`] = total(xs.map((x) => x[j] * x[k]));
  });
  return [row];
}

/** lm on the pooled complete cases, by Gauss–Jordan elimination on the pooled X. */
function pooledFit(nodes: readonly ModelRow[][], p: LinearRegressionParams, { encode }: HandModel) {
  const { complete } = casesOf(nodes.flat(), p.filters, usedBy(p.outcome, p.predictors));
  const xs = complete.map(encode);
  const ys = complete.map((row) => outcomeOf(row, p.outcome));
  const { gram, moment } = weightedSums(xs, ys);
  const inverse = invertByElimination(gram);
  const beta = times(inverse, moment);
  const residuals = xs.map((x, i) => ys[i] - sum(x.map((value, j) => value * beta[j])));
  const rss = sum(residuals.map((r) => r * r));
  const df = complete.length - beta.length;
  const mean = sum(ys) / ys.length;
  const tss = sum(ys.map((y) => (y - mean) ** 2));
  return {
    n: complete.length,
    beta,
    se: inverse.map((row, j) => Math.sqrt((rss / df) * row[j])),
    sigma: Math.sqrt(rss / df),
    df,
    rSquared: 1 - rss / tss,
    adjusted: 1 - ((rss / df) * (complete.length - 1)) / tss,
  };
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

const CASES: Record<string, HandModel> = {
  'numbers, booleans, categories against a given reference, and category × number': {
    input: {
      outcome: 'bmi',
      predictors: ['age', 'sex', 'smoker', 'diabetes', 'sex:age'],
      reference: { sex: 'male' },
    },
    names: [
      '(Intercept)',
      'age',
      'sex=female',
      'sex=other',
      'smoker=former',
      'smoker=current',
      'diabetes=true',
      'sex=female:age',
      'sex=other:age',
    ],
    encode: (r) => [
      1,
      r.age!,
      is(r.sex === 'female'),
      is(r.sex === 'other'),
      is(r.smoker === 'former'),
      is(r.smoker === 'current'),
      is(r.diabetes!),
      is(r.sex === 'female') * r.age!,
      is(r.sex === 'other') * r.age!,
    ],
  },
  'an integer outcome, category × category, and a node with no row after the filter': {
    input: {
      outcome: 'age',
      predictors: ['sex', 'smoker', 'smoker:sex', 'bmi'],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    },
    names: [
      '(Intercept)',
      'sex=male',
      'sex=other',
      'smoker=former',
      'smoker=current',
      'smoker=former:sex=male',
      'smoker=former:sex=other',
      'smoker=current:sex=male',
      'smoker=current:sex=other',
      'bmi',
    ],
    encode: (r) => [
      1,
      is(r.sex === 'male'),
      is(r.sex === 'other'),
      is(r.smoker === 'former'),
      is(r.smoker === 'current'),
      is(r.smoker === 'former' && r.sex === 'male'),
      is(r.smoker === 'former' && r.sex === 'other'),
      is(r.smoker === 'current' && r.sex === 'male'),
      is(r.smoker === 'current' && r.sex === 'other'),
      r.bmi!,
    ],
  },
  'boolean × number and number × number': {
    input: {
      outcome: 'bmi',
      predictors: ['diabetes', 'age', 'diabetes:age', 'age:age_months'],
      filters: [{ variable: 'sex', op: 'ne', value: 'other' }],
    },
    names: ['(Intercept)', 'diabetes=true', 'age', 'diabetes=true:age', 'age:age_months'],
    encode: (r) => [1, is(r.diabetes!), r.age!, is(r.diabetes!) * r.age!, r.age! * r.age_months!],
  },
};

describe('linear-regression', () => {
  const nodes = modelNodes(20240612);

  it.each(Object.entries(CASES))('equals lm on the pooled complete cases: %s', (_, model) => {
    const p = params({ dataset: 'cohort', ...model.input });
    const contributions = nodes.map((rows) => kind.read(p, statementRows(rows, p, model)));
    const released = contributions.map((c) => kind.suppress(c, RULES));

    const result = kind.combine(p, released, MODEL_COLUMNS);

    const fit = pooledFit(nodes, p, model);
    expect(result.coefficients.map((c) => c.name)).toEqual(model.names);
    result.coefficients.forEach((c, j) => {
      expectRelative(c.estimate, fit.beta[j]);
      expectRelative(c.standardError, fit.se[j]);
      expectRelative(c.t, fit.beta[j] / fit.se[j]);
      expectRelative(c.p, studentTTwoSidedP(fit.beta[j] / fit.se[j], fit.df), 1e-6);
    });
    expect(result.n).toBe(fit.n);
    expect(result.residualDf).toBe(fit.df);
    expectRelative(result.residualStandardError, fit.sigma);
    expectRelative(result.rSquared, fit.rSquared);
    expectRelative(result.adjustedRSquared, fit.adjusted);
    expect(result.outcome).toBe(p.outcome);

    const used = usedBy(p.outcome, p.predictors);
    const perNode = nodes.map((rows) => {
      const { kept, complete } = casesOf(rows, p.filters, used);
      return kept.length - complete.length;
    });
    expect(contributions.map((c) => c.excluded)).toEqual(perNode);
    const released10 = perNode.filter((m) => m === 0 || m >= RULES.minCount);
    expect(result.excluded).toEqual({
      count: sum(released10),
      withheldAt: perNode.length - released10.length,
    });
    expect(sum(released.map((c) => kind.persons(c)))).toBe(fit.n);
  });

  it('leaves a node with no row after the filter harmless, with nothing to check', () => {
    const model =
      CASES['an integer outcome, category × category, and a node with no row after the filter'];
    const p = params({ dataset: 'cohort', ...model.input });
    const empty = kind.read(p, statementRows(nodes[1], p, model));
    expect(empty).toEqual({
      columns: model.names,
      n: 0,
      xtx: new Array(55).fill(0),
      xty: new Array(10).fill(0),
      yty: 0,
      excluded: 0,
    });
    expect(kind.check(empty, RULES)).toEqual([]);
    const others = [0, 2].map((i) => kind.read(p, statementRows(nodes[i], p, model)));
    expect(kind.combine(p, [others[0], empty, others[1]], MODEL_COLUMNS)).toEqual(
      kind.combine(p, others, MODEL_COLUMNS),
    );
  });

  it('pools a node that does not declare a level, its columns aligned by name', () => {
    const model =
      CASES['numbers, booleans, categories against a given reference, and category × number'];
    const p = params({ dataset: 'cohort', ...model.input });
    const full = nodes.map((rows) => kind.read(p, statementRows(rows, p, model)));
    // The second node has no sex "other": declaring only female and male, it codes no column for it.
    const lacking = kind.read(
      p,
      statementRows(nodes[1], p, model, (name) => !name.includes('other')),
    );
    expect(lacking.columns).toEqual([
      '(Intercept)',
      'age',
      'sex=female',
      'smoker=former',
      'smoker=current',
      'diabetes=true',
      'sex=female:age',
    ]);
    const expected = kind.combine(p, full, MODEL_COLUMNS);
    const actual = kind.combine(p, [full[0], lacking, full[2]], MODEL_COLUMNS);
    actual.coefficients.forEach((c, j) => {
      expectRelative(c.estimate, expected.coefficients[j].estimate, 1e-12);
      expectRelative(c.standardError, expected.coefficients[j].standardError, 1e-12);
    });
    // A node coding sex against another reference has a column the model lacks.
    const otherwise = {
      ...lacking,
      columns: lacking.columns.map((n) => n.replace('female', 'male')),
    };
    expect(() => kind.combine(p, [full[0], otherwise], MODEL_COLUMNS)).toThrow(
      /design column sex=male the model does not/,
    );
  });

  describe('estimability', () => {
    const fitOf = (
      input: Record<string, unknown>,
      encode: HandModel['encode'],
      names: string[],
    ) => {
      const p = params({ dataset: 'cohort', ...input });
      const model = { input, names, encode };
      return () =>
        kind.combine(
          p,
          nodes.map((rows) => kind.read(p, statementRows(rows, p, model))),
          MODEL_COLUMNS,
        );
    };

    it('names a predictor that is a multiple of another', () => {
      const error = refusal(
        fitOf(
          { outcome: 'bmi', predictors: ['age', 'age_months'] },
          (r) => [1, r.age!, r.age_months!],
          ['(Intercept)', 'age', 'age_months'],
        ),
      );
      expect(error.code).toBe('ANALYSIS.COLLINEAR');
      expect(error.message).toBe(
        'The predictors are collinear: age_months is a linear combination of age. Leave out or recode the predictors involved.',
      );
      expect(error.details).toEqual({
        columns: ['age_months'],
        dependencies: [{ column: 'age_months', dependsOn: ['age'] }],
      });
    });

    it('names a boolean that the levels of a category and the intercept make', () => {
      const error = refusal(
        fitOf(
          { outcome: 'bmi', predictors: ['sex', 'age', 'female'] },
          (r) => [1, is(r.sex === 'male'), is(r.sex === 'other'), r.age!, is(r.female!)],
          ['(Intercept)', 'sex=male', 'sex=other', 'age', 'female=true'],
        ),
      );
      expect(error.code).toBe('ANALYSIS.COLLINEAR');
      expect(error.message).toMatch(
        /^The predictors are collinear: female=true is a linear combination of \(Intercept\), sex=male, sex=other\./,
      );
    });

    it('names a level no person has, which is 0 for everyone', () => {
      const error = refusal(
        fitOf(
          {
            outcome: 'bmi',
            predictors: ['age', 'sex', 'sex:age'],
            filters: [{ variable: 'sex', op: 'ne', value: 'other' }],
          },
          (r) => [
            1,
            r.age!,
            is(r.sex === 'male'),
            is(r.sex === 'other'),
            is(r.sex === 'male') * r.age!,
            is(r.sex === 'other') * r.age!,
          ],
          ['(Intercept)', 'age', 'sex=male', 'sex=other', 'sex=male:age', 'sex=other:age'],
        ),
      );
      expect(error.code).toBe('ANALYSIS.COLLINEAR');
      expect(error.message).toBe(
        'The predictors are collinear: sex=other is 0 for every person; sex=other:age is 0 for every person. Leave out or recode the predictors involved.',
      );
    });

    it('refuses a model with no residual degrees of freedom, or no data', () => {
      const p = params({ dataset: 'cohort', outcome: 'bmi', predictors: ['age'] });
      const error = refusal(() =>
        kind.combine(
          p,
          [
            {
              columns: ['(Intercept)', 'age'],
              n: 2,
              xtx: [2, 90, 4100],
              xty: [50, 2300],
              yty: 1300,
              excluded: 0,
            },
          ],
          MODEL_COLUMNS,
        ),
      );
      expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
      expect(error.message).toBe(
        'The model has 2 parameters and the data 2 complete cases: no residual degrees of freedom',
      );
      expect(refusal(() => kind.combine(p, [], MODEL_COLUMNS)).code).toBe(
        'ANALYSIS.INVALID_PARAMS',
      );
    });
  });

  describe('check', () => {
    const contribution = (
      n: number,
      p: number,
      excluded: number | null = 0,
    ): LinearRegressionContribution => ({
      columns: ['(Intercept)', ...Array.from({ length: p - 1 }, (_, j) => `x${j}`)],
      n,
      xtx: new Array((p * (p + 1)) / 2).fill(1).map((v, i) => (i === 0 ? n : v)),
      xty: new Array(p).fill(1),
      yty: 1,
      excluded,
    });

    it('refuses more parameters than a third of n', () => {
      expect(kind.check(contribution(30, 10), RULES)).toEqual([]);
      expect(kind.check(contribution(29, 10), RULES)).toEqual([
        { rule: 'max-parameters', cell: 'parameters', value: 10, threshold: 9 },
      ]);
    });

    it('finds fewer than 10 residual degrees of freedom, and passes 10', () => {
      expect(kind.check(contribution(12, 3), RULES)).toEqual([
        { rule: 'residual-df', cell: 'residual-df', value: 9, threshold: 10 },
      ]);
      expect(kind.check(contribution(13, 3), RULES)).toEqual([]);
    });

    it('finds an n below the minimum count, and persons left out below it', () => {
      expect(kind.check(contribution(9, 2, 3), RULES)).toEqual([
        { rule: 'min-count', cell: 'n', value: 9, threshold: 10 },
        { rule: 'min-count', cell: 'excluded', value: 3, threshold: 10 },
        { rule: 'residual-df', cell: 'residual-df', value: 7, threshold: 10 },
      ]);
      expect(kind.check(kind.suppress(contribution(40, 2, 3), RULES), RULES)).toEqual([]);
    });

    it('finds the small node of the synthetic data too large a model for its n', () => {
      const model =
        CASES['numbers, booleans, categories against a given reference, and category × number'];
      const p = params({ dataset: 'cohort', ...model.input });
      const small = kind.read(p, statementRows(nodes[2], p, model));
      expect(small.n).toBeGreaterThanOrEqual(RULES.minCount);
      expect(kind.check(small, RULES)).toContainEqual({
        rule: 'max-parameters',
        cell: 'parameters',
        value: 9,
        threshold: Math.floor(small.n / 3),
      });
    });

    it.each(SUPPRESSION_CASES)(
      'releases $excluded persons left out as $released',
      ({ excluded, released }) => {
        expect(kind.suppress(contribution(40, 2, excluded as number), RULES).excluded).toBe(
          released,
        );
      },
    );
  });

  it('runs one statement, every level and filter value bound, the column names echoed', () => {
    const p = params({
      dataset: 'cohort',
      outcome: 'bmi',
      predictors: ['sex:age', 'diabetes'],
      reference: { sex: 'other' },
      filters: [{ variable: 'smoker', op: 'eq', value: 'never' }],
    });
    const sums = (pairs: string[], vector: string[]) =>
      [
        ...pairs.map(
          (jk) => `sum(x${jk[0]} * x${jk[1]}) FILTER (WHERE complete) AS xtx_${jk[0]}_${jk[1]}`,
        ),
        ...vector.map((j) => `sum(x${j} * y) FILTER (WHERE complete) AS xty_${j}`),
      ].join(', ');
    expect(kind.local(p, MODEL_TABLE)).toEqual({
      sql:
        'SELECT $4::text[] AS columns, count(*) AS rows, count(*) FILTER (WHERE complete) AS n, ' +
        sums(['00', '01', '02', '03', '11', '12', '13', '22', '23', '33'], ['0', '1', '2', '3']) +
        ', sum(y * y) FILTER (WHERE complete) AS yty' +
        ' FROM (SELECT ("bmi" IS NOT NULL AND "sex" IS NOT NULL AND "age" IS NOT NULL AND "diabetes" IS NOT NULL) AS complete,' +
        ' "bmi"::double precision AS y, 1::double precision AS x0,' +
        ' ("sex" = $1::text)::integer::double precision * "age"::double precision AS x1,' +
        ' ("sex" = $2::text)::integer::double precision * "age"::double precision AS x2,' +
        ' "diabetes"::integer::double precision AS x3' +
        ' FROM "ws_1"."cohort" WHERE "smoker" = $3::text OFFSET 0) AS d',
      values: [
        'female',
        'male',
        'never',
        ['(Intercept)', 'sex=female:age', 'sex=male:age', 'diabetes=true'],
      ],
    });
  });

  it('reads what the driver returns: counts as text, no sums without a complete case', () => {
    const p = params({ dataset: 'cohort', outcome: 'bmi', predictors: ['age'] });
    const columns = ['(Intercept)', 'age'];
    expect(
      kind.read(p, [
        {
          columns,
          rows: '12',
          n: '10',
          xtx_0_0: 10,
          xtx_0_1: 400,
          xtx_1_1: 17000,
          xty_0: 250,
          xty_1: 10100,
          yty: 6400,
        },
      ]),
    ).toEqual({ columns, n: 10, xtx: [10, 400, 17000], xty: [250, 10100], yty: 6400, excluded: 2 });
    expect(
      kind.read(p, [
        {
          columns,
          rows: '3',
          n: '0',
          xtx_0_0: null,
          xtx_0_1: null,
          xtx_1_1: null,
          xty_0: null,
          xty_1: null,
          yty: null,
        },
      ]),
    ).toEqual({ columns, n: 0, xtx: [0, 0, 0], xty: [0, 0], yty: 0, excluded: 3 });
    expect(() => kind.read(p, [])).toThrow(/returned 0 rows/);
    expect(() =>
      kind.read(p, [
        {
          columns,
          rows: '12',
          n: '10',
          xtx_0_0: 10,
          xtx_0_1: null,
          xtx_1_1: 1,
          xty_0: 1,
          xty_1: 1,
          yty: 1,
        },
      ]),
    ).toThrow(/xtx_0_1 is missing/);
  });

  it('refuses a malformed contribution', () => {
    const p = params({ dataset: 'cohort', outcome: 'bmi', predictors: ['age'] });
    const good = {
      columns: ['(Intercept)', 'age'],
      n: 10,
      xtx: [10, 400, 17000],
      xty: [250, 10100],
      yty: 6400,
      excluded: 0,
    };
    for (const bad of [
      { ...good, xtx: [10, 400] },
      { ...good, xty: [250] },
      { ...good, xtx: [9, 400, 17000] },
      { ...good, columns: ['age', '(Intercept)'] },
      { ...good, excluded: -1 },
      { ...good, columns: ['(Intercept)', '(Intercept)'] },
    ]) {
      expect(() => kind.combine(p, [bad as LinearRegressionContribution], MODEL_COLUMNS)).toThrow(
        /malformed|repeats a design column/,
      );
    }
  });

  it('names every variable it uses, filters included', () => {
    const p = params({
      dataset: 'cohort',
      outcome: 'bmi',
      predictors: ['age', 'sex:smoker'],
      filters: [{ variable: 'visit', op: 'ge', value: '2020-01-01' }],
    });
    expect(kind.variables(p)).toEqual(['bmi', 'age', 'sex', 'smoker', 'visit']);
  });

  describe('parameters', () => {
    const validate = (
      input: Record<string, unknown>,
      columns: readonly WorkspaceColumn[] = MODEL_COLUMNS,
    ) => refusal(() => kind.validate(params({ dataset: 'cohort', ...input }), columns));

    it('accepts a model, and an intercept-only model', () => {
      expect(() =>
        kind.validate(
          params({ dataset: 'cohort', outcome: 'bmi', predictors: ['sex:smoker'] }),
          MODEL_COLUMNS,
        ),
      ).not.toThrow();
      expect(() =>
        kind.validate(params({ dataset: 'cohort', outcome: 'bmi', predictors: [] }), MODEL_COLUMNS),
      ).not.toThrow();
    });

    it('refuses an outcome that is not a number, and an unknown variable', () => {
      expect(validate({ outcome: 'diabetes', predictors: ['age'] }).message).toBe(
        'outcome needs an integer or number variable; diabetes is boolean',
      );
      expect(validate({ outcome: 'bmi', predictors: ['weight'] }).code).toBe(
        'ANALYSIS.UNKNOWN_VARIABLE',
      );
      expect(validate({ outcome: 'bmi', predictors: ['visit'] }).message).toBe(
        'A predictor needs an integer or number or boolean or category variable; visit is date',
      );
    });

    it('refuses the outcome as a predictor, and a reference that is no level of a category predictor', () => {
      expect(validate({ outcome: 'bmi', predictors: ['age:bmi'] }).message).toBe(
        'The outcome bmi cannot also be a predictor',
      );
      expect(
        validate({ outcome: 'bmi', predictors: ['sex'], reference: { sex: 'unknown' } }).message,
      ).toBe('reference: "unknown" is not a level of sex (female, male, other)');
      expect(
        validate({ outcome: 'bmi', predictors: ['sex'], reference: { smoker: 'never' } }).message,
      ).toBe('reference names smoker, which is not a category predictor of the model');
    });

    it('refuses more than 50 design columns', () => {
      const columns = [
        ...MODEL_COLUMNS,
        {
          name: 'region',
          type: 'category' as const,
          levels: Array.from({ length: 30 }, (_, i) => `r${i}`),
        },
      ];
      expect(
        validate({ outcome: 'bmi', predictors: ['region', 'region:age'] }, columns).message,
      ).toBe('The model has 59 design columns; at most 50 are allowed');
    });

    it('refuses an interaction of a variable with itself, and a repeated predictor', () => {
      const parses = (predictors: string[]) =>
        kind.params.safeParse({ dataset: 'cohort', outcome: 'bmi', predictors }).success;
      expect(parses(['age', 'sex:age'])).toBe(true);
      expect(parses(['age:age'])).toBe(false);
      expect(parses(['sex:age', 'age:sex'])).toBe(false);
      expect(parses(['age', 'age'])).toBe(false);
      expect(parses(['age:sex:smoker'])).toBe(false);
      expect(parses(['Age'])).toBe(false);
    });
  });
});
