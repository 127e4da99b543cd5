import { DomainError } from '../../../../../shared/errors';
import type { WorkspaceColumn } from '../../analysis-kind';
import { normalTwoSidedP } from '../../math/distributions';
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
import { RULES, sum } from '../testing/synthetic-nodes';
import {
  type LogisticRegressionContribution,
  logisticRegressionKind as kind,
  type LogisticRegressionParams,
  type LogisticRegressionResult,
  type LogisticRegressionState,
} from '.';

const params = (input: unknown): LogisticRegressionParams => kind.params.parse(input);
const rounds = kind.rounds!;

/**
 * What the node's statement returns on these rows at the state's β, computed
 * as the SQL computes it: η = xβ kept within ±30, t = e^(−|η|), w = t/(1+t)²,
 * y − p and the log-likelihood term from t and the sign of η; sums over the
 * complete cases, null when there is none. `keep` leaves out the columns of a
 * level the node does not declare.
 */
function statementRows(
  rows: readonly ModelRow[],
  p: LogisticRegressionParams,
  { names, encode }: HandModel,
  state: LogisticRegressionState,
  keep: (name: string) => boolean = () => true,
): Record<string, unknown>[] {
  const { kept, complete } = casesOf(rows, p.filters, usedBy(p.outcome, p.predictors));
  const columns = names.filter(keep);
  const beta = columns.map((name) => state.beta[state.columns.indexOf(name)]);
  const q = columns.length;
  const gradient = new Array<number>(q).fill(0);
  const information = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  let logLikelihood = 0;
  let bounds = 0;
  for (const row of complete) {
    const x = encode(row).filter((_, j) => keep(names[j]));
    const y = outcomeOf(row, p.outcome);
    const lp = sum(x.map((value, j) => value * beta[j]));
    const eta = Math.min(Math.max(lp, -30), 30);
    const t = Math.exp(-Math.min(Math.abs(lp), 30));
    const w = t / ((1 + t) * (1 + t));
    const r = y === 1 ? (eta >= 0 ? t : 1) / (1 + t) : -(eta >= 0 ? 1 : t) / (1 + t);
    logLikelihood -= Math.max(y === 1 ? -eta : eta, 0) + Math.log(1 + t);
    if (Math.abs(lp) > 30) bounds += 1;
    for (let j = 0; j < q; j++) {
      gradient[j] += r * x[j];
      for (let k = j; k < q; k++) information[j][k] += w * x[j] * x[k];
    }
  }
  const any = complete.length > 0;
  const row: Record<string, unknown> = {
    columns,
    rows: String(kept.length),
    n: String(complete.length),
    loglik: any ? logLikelihood : null,
    bounds: String(bounds),
  };
  for (let j = 0; j < q; j++) {
    row[`g_${j}`] = any ? gradient[j] : null;
    for (let k = j; k < q; k++) row[`i_${j}_${k}`] = any ? information[j][k] : null;
  }
  return [row];
}

interface Fitted {
  readonly result: LogisticRegressionResult;
  readonly rounds: number;
  readonly states: LogisticRegressionState[];
}

/** The job as the lead runs it: each round's state checked as at the nodes, fed back until a result. */
function runRounds(
  nodes: readonly ModelRow[][],
  p: LogisticRegressionParams,
  model: HandModel,
  columns: readonly WorkspaceColumn[] = MODEL_COLUMNS,
  keeps: readonly ((name: string) => boolean)[] = nodes.map(() => () => true),
): Fitted {
  let state = rounds.start(p, columns);
  const states: LogisticRegressionState[] = [];
  for (let round = 1; round <= rounds.maxRounds; round++) {
    const atNodes = rounds.state.parse(JSON.parse(JSON.stringify(state)));
    states.push(atNodes);
    const contributions = nodes.map((rows, i) =>
      kind.suppress(kind.read(p, statementRows(rows, p, model, atNodes, keeps[i]), atNodes), RULES),
    );
    const combined = kind.combine(p, contributions, columns, state);
    if ('result' in combined) return { result: combined.result, rounds: round, states };
    state = combined.next;
  }
  throw new Error(`No result within ${rounds.maxRounds} rounds`);
}

/**
 * An independent fit of the pooled complete cases, as R's glm.fit does it:
 * iteratively reweighted least squares from β = 0, z = η + (y − μ)/w solved by
 * Gauss–Jordan elimination, until |dev − dev_old| / (|dev| + 0.1) < 1e-10 or
 * 25 updates; standard errors from (XᵀWX)⁻¹ at the final β.
 */
function pooledIrls(
  nodes: readonly ModelRow[][],
  p: LogisticRegressionParams,
  { encode }: HandModel,
) {
  const { complete } = casesOf(nodes.flat(), p.filters, usedBy(p.outcome, p.predictors));
  const xs = complete.map(encode);
  const ys = complete.map((row) => outcomeOf(row, p.outcome));
  let beta = xs[0].map(() => 0);
  let previous: number | null = null;
  let iterations = 0;
  let converged = false;
  for (;;) {
    const eta = xs.map((x) => sum(x.map((value, j) => value * beta[j])));
    const mu = eta.map((e) => 1 / (1 + Math.exp(-e)));
    const w = mu.map((m) => m * (1 - m));
    const deviance = -2 * sum(ys.map((y, i) => (y === 1 ? Math.log(mu[i]) : Math.log(1 - mu[i]))));
    if (previous !== null && Math.abs(deviance - previous) / (Math.abs(deviance) + 0.1) < 1e-10) {
      converged = true;
    }
    if (converged || iterations === 25) {
      const inverse = invertByElimination(weightedSums(xs, ys, w).gram);
      const mean = sum(ys) / ys.length;
      const nullDeviance = -2 * sum(ys.map((y) => (y === 1 ? Math.log(mean) : Math.log(1 - mean))));
      return {
        n: complete.length,
        beta,
        se: inverse.map((row, j) => Math.sqrt(row[j])),
        deviance,
        nullDeviance,
        iterations,
        converged,
      };
    }
    const z = eta.map((e, i) => e + (ys[i] - mu[i]) / w[i]);
    const { gram, moment } = weightedSums(xs, z, w);
    beta = times(invertByElimination(gram), moment);
    previous = deviance;
    iterations += 1;
  }
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

const MODELS: Record<string, HandModel> = {
  'a boolean outcome on numbers and categories, one against a given reference': {
    input: {
      outcome: 'diabetes',
      predictors: ['age', 'bmi', 'sex', 'smoker'],
      reference: { sex: 'other' },
    },
    names: [
      '(Intercept)',
      'age',
      'bmi',
      'sex=female',
      'sex=male',
      'smoker=former',
      'smoker=current',
    ],
    encode: (r) => [
      1,
      r.age!,
      r.bmi!,
      is(r.sex === 'female'),
      is(r.sex === 'male'),
      is(r.smoker === 'former'),
      is(r.smoker === 'current'),
    ],
  },
  'a 0/1 integer outcome, boolean × number, and a node with no row after the filter': {
    input: {
      outcome: 'relapse',
      predictors: ['age', 'smoker', 'diabetes:age'],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    },
    names: ['(Intercept)', 'age', 'smoker=former', 'smoker=current', 'diabetes=true:age'],
    encode: (r) => [
      1,
      r.age!,
      is(r.smoker === 'former'),
      is(r.smoker === 'current'),
      is(r.diabetes!) * r.age!,
    ],
  },
};

const MAIN = MODELS['a boolean outcome on numbers and categories, one against a given reference'];

describe('logistic-regression', () => {
  const nodes = modelNodes(20240612);

  it.each(Object.entries(MODELS))(
    'equals an independent IRLS fit of the pooled complete cases: %s',
    (_, model) => {
      const p = params({ dataset: 'cohort', ...model.input });

      const { result, rounds: taken, states } = runRounds(nodes, p, model);

      const direct = pooledIrls(nodes, p, model);
      expect(direct.converged).toBe(true);
      expect(result.converged).toBe(true);
      expect(result.iterations).toBe(direct.iterations);
      expect(taken).toBe(direct.iterations + 1);
      expect(states.map((s) => s.iteration)).toEqual(states.map((_, i) => i));
      expect(result.coefficients.map((c) => c.name)).toEqual(model.names);
      result.coefficients.forEach((c, j) => {
        const z = direct.beta[j] / direct.se[j];
        expectRelative(c.estimate, direct.beta[j]);
        expectRelative(c.standardError, direct.se[j]);
        expectRelative(c.z, z);
        expectRelative(c.p, normalTwoSidedP(z), 1e-6);
        expectRelative(c.oddsRatio, Math.exp(direct.beta[j]));
        expectRelative(c.lower95, Math.exp(direct.beta[j] - 1.959963984540054 * direct.se[j]));
        expectRelative(c.upper95, Math.exp(direct.beta[j] + 1.959963984540054 * direct.se[j]));
      });
      expectRelative(result.deviance, direct.deviance, 1e-10);
      expectRelative(result.nullDeviance, direct.nullDeviance, 1e-12);
      expectRelative(result.aic, direct.deviance + 2 * model.names.length, 1e-10);
      expect(result.n).toBe(direct.n);
      expect(result.residualDf).toBe(direct.n - model.names.length);
      expect(result.nullDf).toBe(direct.n - 1);
      expect(result.separation).toBeNull();
      expect(result.outcome).toBe(p.outcome);

      const used = usedBy(p.outcome, p.predictors);
      const perNode = nodes.map((rows) => {
        const { kept, complete } = casesOf(rows, p.filters, used);
        return kept.length - complete.length;
      });
      const released = perNode.filter((m) => m === 0 || m >= RULES.minCount);
      expect(result.excluded).toEqual({
        count: sum(released),
        withheldAt: perNode.length - released.length,
      });
    },
  );

  it('keeps a node with no row after the filter harmless in every round', () => {
    const model =
      MODELS['a 0/1 integer outcome, boolean × number, and a node with no row after the filter'];
    const p = params({ dataset: 'cohort', ...model.input });
    const start = rounds.start(p, MODEL_COLUMNS);
    const empty = kind.read(p, statementRows(nodes[1], p, model, start), start);
    expect(empty).toEqual({
      columns: model.names,
      iteration: 0,
      n: 0,
      gradient: [0, 0, 0, 0, 0],
      information: new Array(15).fill(0),
      logLikelihood: 0,
      fittedAtBounds: 0,
      excluded: 0,
    });
    expect(kind.check(empty, RULES)).toEqual([]);
    const withEmpty = runRounds(nodes, p, model).result;
    const without = runRounds([nodes[0], nodes[2]], p, model).result;
    expect(withEmpty).toEqual(without);
  });

  it('pools a node that does not declare a level, its coefficients given to it by name', () => {
    // Against female (the first level): the second node, declaring only female and male, codes no sex=other.
    const model: HandModel = {
      input: { outcome: 'diabetes', predictors: ['age', 'bmi', 'sex', 'smoker'] },
      names: [
        '(Intercept)',
        'age',
        'bmi',
        'sex=male',
        'sex=other',
        'smoker=former',
        'smoker=current',
      ],
      encode: (r) => [
        1,
        r.age!,
        r.bmi!,
        is(r.sex === 'male'),
        is(r.sex === 'other'),
        is(r.smoker === 'former'),
        is(r.smoker === 'current'),
      ],
    };
    const p = params({ dataset: 'cohort', ...model.input });
    const declared = MODEL_COLUMNS.map((c) =>
      c.name === 'sex' ? { ...c, levels: ['female', 'male'] } : c,
    );
    const state = { ...rounds.start(p, MODEL_COLUMNS), beta: [1, 2, 3, 4, 5, 6, 7] };
    const local = kind.local(p, { ...MODEL_TABLE, columns: declared }, state);
    expect(local.values).toEqual([
      'male',
      'former',
      'current',
      1,
      2,
      3,
      4,
      6,
      7,
      ['(Intercept)', 'age', 'bmi', 'sex=male', 'smoker=former', 'smoker=current'],
    ]);

    const full = runRounds(nodes, p, model).result;
    const aligned = runRounds(nodes, p, model, MODEL_COLUMNS, [
      () => true,
      (name) => !name.includes('sex=other'),
      () => true,
    ]).result;
    aligned.coefficients.forEach((c, j) => {
      expectRelative(c.estimate, full.coefficients[j].estimate, 1e-12);
      expectRelative(c.standardError, full.coefficients[j].standardError!, 1e-12);
    });
    expect(aligned.iterations).toBe(full.iterations);

    // A node coding a column the lead's state lacks refuses the round.
    const renamed = {
      ...state,
      columns: state.columns.map((n) => (n === 'sex=male' ? 'sex=man' : n)),
    };
    const error = refusal(() => kind.local(p, MODEL_TABLE, renamed));
    expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
    expect(error.message).toMatch(/^The model's design column sex=male is not among the lead's/);
  });

  it('reports quasi-complete separation: a level whose persons all have the outcome', () => {
    const separated = nodes.map((rows) =>
      rows.map((row) =>
        row.smoker === 'current' && row.diabetes !== null ? { ...row, diabetes: true } : row,
      ),
    );
    const model: HandModel = {
      input: { outcome: 'diabetes', predictors: ['age', 'smoker'] },
      names: ['(Intercept)', 'age', 'smoker=former', 'smoker=current'],
      encode: (r) => [1, r.age!, is(r.smoker === 'former'), is(r.smoker === 'current')],
    };
    const { result } = runRounds(separated, params({ dataset: 'cohort', ...model.input }), model);
    // As R's glm, the deviance settles while the coefficient runs away.
    expect(result.separation).toEqual({ fittedAtBounds: 0, columns: ['smoker=current'] });
    const current = result.coefficients[3];
    expect(current.estimate).toBeGreaterThan(15);
    expect(current.standardError!).toBeGreaterThan(1000);
    expect(result.coefficients[1].standardError!).toBeLessThan(0.01);
  });

  it('reports non-convergence and separation at the most rounds when the outcome is a step in age', () => {
    const separated = nodes.map((rows) =>
      rows.map((row) =>
        row.age !== null && row.diabetes !== null ? { ...row, diabetes: row.age >= 60 } : row,
      ),
    );
    const model: HandModel = {
      input: { outcome: 'diabetes', predictors: ['age'] },
      names: ['(Intercept)', 'age'],
      encode: (r) => [1, r.age!],
    };
    const p = params({ dataset: 'cohort', ...model.input });
    const { result, rounds: taken } = runRounds(separated, p, model);
    expect(taken).toBe(rounds.maxRounds);
    expect(rounds.maxRounds).toBe(26);
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(25);
    expect(result.deviance).toBeLessThan(1e-4);
    expect(result.separation?.fittedAtBounds).toBeGreaterThan(900);
  });

  it('refuses collinear predictors in the first round, naming them', () => {
    const model: HandModel = {
      input: { outcome: 'diabetes', predictors: ['age', 'sex', 'age_months'] },
      names: ['(Intercept)', 'age', 'sex=male', 'sex=other', 'age_months'],
      encode: (r) => [1, r.age!, is(r.sex === 'male'), is(r.sex === 'other'), r.age_months!],
    };
    const error = refusal(() =>
      runRounds(nodes, params({ dataset: 'cohort', ...model.input }), model),
    );
    expect(error.code).toBe('ANALYSIS.COLLINEAR');
    expect(error.message).toBe(
      'The predictors are collinear: age_months is a linear combination of age. Leave out or recode the predictors involved.',
    );
  });

  describe('state', () => {
    const p = params({ dataset: 'cohort', ...MAIN.input });
    const start = rounds.start(p, MODEL_COLUMNS);

    it('starts at β = 0 for the design columns', () => {
      expect(start).toEqual({
        columns: MAIN.names,
        beta: [0, 0, 0, 0, 0, 0, 0],
        iteration: 0,
        deviance: null,
        nullDeviance: null,
      });
      expect(rounds.state.safeParse(start).success).toBe(true);
    });

    it('refuses a β of the wrong length, or a malformed state', () => {
      const parses = (state: unknown) => rounds.state.safeParse(state).success;
      expect(parses({ ...start, beta: [0, 0, 0] })).toBe(false);
      expect(parses({ ...start, beta: [...start.beta, 0] })).toBe(false);
      expect(parses({ ...start, iteration: 26 })).toBe(false);
      expect(parses({ ...start, deviance: -1 })).toBe(false);
      expect(parses({ ...start, beta: [Infinity, 0, 0, 0, 0, 0, 0] })).toBe(false);
      expect(parses({ ...start, extra: true })).toBe(false);
    });

    it('refuses a state for other columns, and a contribution of another round', () => {
      const contributions = nodes.map((rows) =>
        kind.read(p, statementRows(rows, p, MAIN, start), start),
      );
      expect(() =>
        kind.combine(p, contributions, MODEL_COLUMNS, {
          ...start,
          columns: [...MAIN.names].reverse(),
        }),
      ).toThrow(/state is for the columns/);
      expect(() =>
        kind.combine(p, contributions, MODEL_COLUMNS, { ...start, iteration: 1, deviance: 900 }),
      ).toThrow(/answers iteration 0, not 1/);
    });
  });

  describe('check', () => {
    const contribution = (
      n: number,
      p: number,
      fittedAtBounds = 0,
    ): LogisticRegressionContribution => ({
      columns: ['(Intercept)', ...Array.from({ length: p - 1 }, (_, j) => `x${j}`)],
      iteration: 0,
      n,
      gradient: new Array(p).fill(0),
      information: new Array((p * (p + 1)) / 2).fill(0.25),
      logLikelihood: -n * Math.LN2,
      fittedAtBounds,
      excluded: 0,
    });

    it('refuses more parameters than a third of n, an n below the minimum, and few fitted probabilities at 0 or 1', () => {
      expect(kind.check(contribution(30, 10), RULES)).toEqual([]);
      expect(kind.check(contribution(29, 10), RULES)).toEqual([
        { rule: 'max-parameters', cell: 'parameters', value: 10, threshold: 9 },
      ]);
      expect(kind.check(contribution(6, 3), RULES)).toEqual([
        { rule: 'min-count', cell: 'n', value: 6, threshold: 10 },
        { rule: 'max-parameters', cell: 'parameters', value: 3, threshold: 2 },
        { rule: 'residual-df', cell: 'residual-df', value: 3, threshold: 10 },
      ]);
      expect(kind.check(contribution(100, 3, 4), RULES)).toEqual([
        { rule: 'min-count', cell: 'fitted-at-bounds', value: 4, threshold: 10 },
      ]);
      expect(kind.check(contribution(100, 3, 40), RULES)).toEqual([]);
      expect(kind.persons(contribution(100, 3))).toBe(100);
    });

    it('finds the small node too small for the main model', () => {
      const p = params({ dataset: 'cohort', ...MAIN.input });
      const start = rounds.start(p, MODEL_COLUMNS);
      const small = kind.read(p, statementRows(nodes[2], p, MAIN, start), start);
      expect(kind.check(small, RULES)).toContainEqual({
        rule: 'max-parameters',
        cell: 'parameters',
        value: 7,
        threshold: Math.floor(small.n / 3),
      });
    });
  });

  it('runs one statement per round, every level, filter value and coefficient bound', () => {
    const p = params({
      dataset: 'cohort',
      outcome: 'relapse',
      predictors: ['smoker'],
      reference: { smoker: 'current' },
      filters: [{ variable: 'age', op: 'lt', value: 65 }],
    });
    const state = { ...rounds.start(p, MODEL_COLUMNS), beta: [-1.5, 0.25, 0.5] };
    expect(kind.local(p, MODEL_TABLE, state)).toEqual({
      sql:
        'SELECT $7::text[] AS columns, count(*) AS rows, count(*) FILTER (WHERE complete) AS n,' +
        ' sum(r * x0) FILTER (WHERE complete) AS g_0, sum(r * x1) FILTER (WHERE complete) AS g_1,' +
        ' sum(r * x2) FILTER (WHERE complete) AS g_2,' +
        ' sum(w * x0 * x0) FILTER (WHERE complete) AS i_0_0, sum(w * x0 * x1) FILTER (WHERE complete) AS i_0_1,' +
        ' sum(w * x0 * x2) FILTER (WHERE complete) AS i_0_2, sum(w * x1 * x1) FILTER (WHERE complete) AS i_1_1,' +
        ' sum(w * x1 * x2) FILTER (WHERE complete) AS i_1_2, sum(w * x2 * x2) FILTER (WHERE complete) AS i_2_2,' +
        ' sum(ll) FILTER (WHERE complete) AS loglik,' +
        ' count(*) FILTER (WHERE complete AND abs(lp) > 30) AS bounds,' +
        ' count(*) FILTER (WHERE complete AND y <> 0 AND y <> 1) AS nonbinary' +
        ' FROM (SELECT s.*, t / ((1 + t) * (1 + t)) AS w,' +
        ' (CASE WHEN y = 1 THEN (CASE WHEN eta >= 0 THEN t ELSE 1 END) ELSE -(CASE WHEN eta >= 0 THEN 1 ELSE t END) END) / (1 + t) AS r,' +
        ' -(greatest(CASE WHEN y = 1 THEN -eta ELSE eta END, 0) + ln(1 + t)) AS ll' +
        ' FROM (SELECT l.*, least(greatest(lp, -30), 30) AS eta, exp(-least(abs(lp), 30)) AS t' +
        ' FROM (SELECT d.*, x0 * $4::double precision + x1 * $5::double precision + x2 * $6::double precision AS lp' +
        ' FROM (SELECT ("relapse" IS NOT NULL AND "smoker" IS NOT NULL) AS complete,' +
        ' "relapse"::double precision AS y, 1::double precision AS x0,' +
        ' ("smoker" = $1::text)::integer::double precision AS x1,' +
        ' ("smoker" = $2::text)::integer::double precision AS x2' +
        ' FROM "ws_1"."cohort" WHERE "age" < $3::integer OFFSET 0) AS d OFFSET 0) AS l OFFSET 0) AS s OFFSET 0) AS f',
      values: [
        'never',
        'former',
        65,
        -1.5,
        0.25,
        0.5,
        ['(Intercept)', 'smoker=never', 'smoker=former'],
      ],
    });
  });

  it('reads what the driver returns, and refuses an integer outcome other than 0 and 1', () => {
    const p = params({ dataset: 'cohort', outcome: 'relapse', predictors: ['age'] });
    const state = rounds.start(p, MODEL_COLUMNS);
    const row = {
      columns: ['(Intercept)', 'age'],
      rows: '14',
      n: '12',
      g_0: 1,
      g_1: 30.5,
      i_0_0: 3,
      i_0_1: 150,
      i_1_1: 8000,
      loglik: -8.3,
      bounds: '0',
      nonbinary: '0',
    };
    expect(kind.read(p, [row], state)).toEqual({
      columns: ['(Intercept)', 'age'],
      iteration: 0,
      n: 12,
      gradient: [1, 30.5],
      information: [3, 150, 8000],
      logLikelihood: -8.3,
      fittedAtBounds: 0,
      excluded: 2,
    });
    const error = refusal(() => kind.read(p, [{ ...row, nonbinary: '2' }], state));
    expect(error.code).toBe('ANALYSIS.INVALID_PARAMS');
    expect(error.message).toBe('The outcome relapse has values other than 0 and 1');
  });

  it('refuses a malformed contribution', () => {
    const p = params({ dataset: 'cohort', outcome: 'diabetes', predictors: ['age'] });
    const state = rounds.start(p, MODEL_COLUMNS);
    const good = {
      columns: ['(Intercept)', 'age'],
      iteration: 0,
      n: 12,
      gradient: [1, 30.5],
      information: [3, 150, 8000],
      logLikelihood: -8.3,
      fittedAtBounds: 0,
      excluded: 0,
    };
    for (const bad of [
      { ...good, gradient: [1] },
      { ...good, information: [3, 150] },
      { ...good, logLikelihood: 2 },
      { ...good, fittedAtBounds: 13 },
      { ...good, columns: ['age', '(Intercept)'] },
    ]) {
      expect(() => kind.combine(p, [bad], MODEL_COLUMNS, state)).toThrow(/malformed/);
    }
  });

  describe('parameters', () => {
    it('takes a boolean or integer outcome', () => {
      const validate = (outcome: string) =>
        refusal(() =>
          kind.validate(params({ dataset: 'cohort', outcome, predictors: ['age'] }), MODEL_COLUMNS),
        );
      expect(() =>
        kind.validate(
          params({ dataset: 'cohort', outcome: 'relapse', predictors: ['age'] }),
          MODEL_COLUMNS,
        ),
      ).not.toThrow();
      expect(validate('bmi').message).toBe(
        'outcome needs a boolean or integer variable; bmi is number',
      );
      expect(validate('sex').code).toBe('ANALYSIS.INVALID_PARAMS');
    });

    it('names every variable it uses', () => {
      const p = params({
        dataset: 'cohort',
        outcome: 'diabetes',
        predictors: ['bmi:sex', 'age'],
        filters: [{ variable: 'age', op: 'gt', value: 30 }],
      });
      expect(kind.variables(p)).toEqual(['diabetes', 'bmi', 'sex', 'age']);
    });
  });
});
