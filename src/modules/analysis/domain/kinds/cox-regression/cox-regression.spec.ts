import { DomainError } from '../../../../../shared/errors';
import type { WorkspaceColumn, WorkspaceTable } from '../../analysis-kind';
import { RULES, SUPPRESSION_CASES, sum } from '../testing/synthetic-nodes';
import {
  keeps,
  SURVIVAL_COLUMNS as COLUMNS,
  SURVIVAL_TABLE as TABLE,
  type SurvivalRow,
  survivalNodes,
  valueOf,
} from '../testing/survival-nodes';
import {
  type CoxRegressionContribution,
  coxRegressionKind as kind,
  type CoxRegressionParams,
  type CoxRegressionResult,
  type CoxRegressionState,
} from '.';

const params = (input: unknown): CoxRegressionParams => kind.params.parse(input);
const rounds = kind.rounds!;

/** A design column's value in a row, from its name: `age`, `diabetes=true`, `sex=male`, `a=x:b`. */
function columnValue(row: SurvivalRow, name: string): number | null {
  let product = 1;
  for (const factor of name.split(':')) {
    const [variable, level] = factor.split('=');
    const value = valueOf(row, variable);
    if (value === null) return null;
    if (level === undefined) product *= value as number;
    else if (level === 'true') product *= value === true ? 1 : 0;
    else product *= value === level ? 1 : 0;
  }
  return product;
}

const EXP_FLOOR = -500;

/**
 * What the node's statement returns on these rows, computed the way the SQL
 * does: complete cases, η centred at the node's largest and floored 500
 * below it, risk sets of every time ≥ t (ties included) by window sums, and
 * sums over the events; null for a sum over no row, counts as text.
 */
function statementRows(
  rows: readonly SurvivalRow[],
  p: CoxRegressionParams,
  state: CoxRegressionState,
  table: WorkspaceTable = TABLE,
): Record<string, unknown>[] {
  const names = kind.local(p, table, state).values[0] as string[];
  const beta = names.map((name) => state.beta[state.parameters.indexOf(name)]);
  const kept = rows.filter((row) => keeps(row, p.filters));
  const complete = kept
    .map((row) => ({
      t: valueOf(row, p.time) as number | null,
      died: valueOf(row, p.event) as boolean | null,
      x: names.map((name) => columnValue(row, name)),
      // Every variable of the model: a level indicator of a missing category is missing too.
      whole: [p.time, p.event, ...p.predictors.flatMap((term) => term.split(':'))].every(
        (name) => valueOf(row, name) !== null,
      ),
    }))
    .filter((row) => row.whole)
    .map(({ t, died, x }) => ({ t: t!, died: died!, x: x as number[] }));
  const eta = complete.map(({ x }) => x.reduce((s, xj, j) => s + xj * beta[j], 0));
  const top = Math.max(...eta);
  const z = eta.map((e) => Math.max(e - top, EXP_FLOOR));
  const w = z.map(Math.exp);
  const q = names.length;
  const pairs = names.flatMap((_, j) => names.slice(j).map((__, i) => [j, j + i] as const));
  // The window: ordered by time descending, running sums, every row of a tied time given the sums at its last peer.
  const order = complete.map((_, i) => i).sort((a, b) => complete[b].t - complete[a].t);
  const s0 = new Array<number>(complete.length);
  const s1 = complete.map(() => new Array<number>(q));
  const s2 = complete.map(() => new Array<number>(pairs.length));
  let running = {
    s0: 0,
    s1: new Array<number>(q).fill(0),
    s2: new Array<number>(pairs.length).fill(0),
  };
  let peers: number[] = [];
  order.forEach((i, position) => {
    const { x } = complete[i];
    running.s0 += w[i];
    x.forEach((xj, j) => (running.s1[j] += xj * w[i]));
    pairs.forEach(([j, k], m) => (running.s2[m] += x[j] * x[k] * w[i]));
    peers.push(i);
    const next = order[position + 1];
    if (next !== undefined && complete[next].t === complete[i].t) return;
    for (const peer of peers) {
      s0[peer] = running.s0;
      s1[peer] = [...running.s1];
      s2[peer] = [...running.s2];
    }
    peers = [];
    running = { s0: running.s0, s1: [...running.s1], s2: [...running.s2] };
  });
  const dead = complete.map((_, i) => i).filter((i) => complete[i].died);
  // SQL's sum of no rows is null.
  const total = (terms: number[]) => (terms.length === 0 ? null : sum(terms));
  const row: Record<string, unknown> = {
    columns: names,
    rows: String(kept.length),
    n: String(complete.length),
    events: String(dead.length),
    ll: total(dead.map((i) => z[i] - Math.log(s0[i]))),
  };
  names.forEach((_, j) => {
    row[`g_${j}`] = total(dead.map((i) => complete[i].x[j] - s1[i][j] / s0[i]));
  });
  pairs.forEach(([j, k], m) => {
    row[`h_${j}_${k}`] = total(
      dead.map((i) => s2[i][m] / s0[i] - (s1[i][j] / s0[i]) * (s1[i][k] / s0[i])),
    );
  });
  return [row];
}

interface Fit {
  result: CoxRegressionResult;
  states: CoxRegressionState[];
}

/** Runs the job's rounds as the lead would: each state travels as JSON and is checked at the nodes. */
function runRounds(
  nodes: readonly (readonly SurvivalRow[])[],
  p: CoxRegressionParams,
  tables: readonly WorkspaceTable[] = nodes.map(() => TABLE),
  columns: readonly WorkspaceColumn[] = COLUMNS,
): Fit {
  kind.validate(p, columns);
  let state = rounds.start(p, columns);
  const states: CoxRegressionState[] = [];
  for (let round = 1; round <= rounds.maxRounds; round++) {
    state = rounds.state.parse(JSON.parse(JSON.stringify(state)));
    states.push(state);
    const contributions = nodes.map((rows, i) =>
      kind.suppress(kind.read(p, statementRows(rows, p, state, tables[i]), state), RULES),
    );
    const combined = kind.combine(p, JSON.parse(JSON.stringify(contributions)), columns, state);
    if ('result' in combined) return { result: combined.result, states };
    state = combined.next;
  }
  throw new Error('the kind asked for more rounds than it may take');
}

/**
 * The stratified Cox model, Breslow ties, straight from its definition over
 * the pooled rows grouped by node: at each distinct event time of a node, its
 * d events against everyone of that node with a time at or after it.
 * Newton–Raphson from 0 with Gauss–Jordan elimination: `stopped` where R's
 * coxph stops (the log-likelihood changed by at most 1e-9 of itself, the
 * standard errors at that point), `maximum` where the steps vanish.
 */
function pooledCox(strata: readonly { t: number; died: boolean; x: number[] }[][], q: number) {
  const evaluate = (beta: readonly number[]) => {
    let ll = 0;
    const gradient = new Array<number>(q).fill(0);
    const information = Array.from({ length: q }, () => new Array<number>(q).fill(0));
    for (const rows of strata) {
      const eta = rows.map((r) => r.x.reduce((s, xj, j) => s + xj * beta[j], 0));
      const w = eta.map(Math.exp);
      const times = [...new Set(rows.filter((r) => r.died).map((r) => r.t))];
      for (const t of times) {
        const dead = rows.map((_, i) => i).filter((i) => rows[i].died && rows[i].t === t);
        const atRisk = rows.map((_, i) => i).filter((i) => rows[i].t >= t);
        const s0 = sum(atRisk.map((i) => w[i]));
        const mean = beta.map((_, j) => sum(atRisk.map((i) => rows[i].x[j] * w[i])) / s0);
        ll += sum(dead.map((i) => eta[i])) - dead.length * Math.log(s0);
        for (let j = 0; j < q; j++) {
          gradient[j] += sum(dead.map((i) => rows[i].x[j])) - dead.length * mean[j];
          for (let k = 0; k < q; k++) {
            const second = sum(atRisk.map((i) => rows[i].x[j] * rows[i].x[k] * w[i])) / s0;
            information[j][k] += dead.length * (second - mean[j] * mean[k]);
          }
        }
      }
    }
    return { ll, gradient, information };
  };
  const newton = (beta: number[], at: ReturnType<typeof evaluate>) => {
    const inverse = gaussJordanInverse(at.information);
    return beta.map((b, j) => b + sum(inverse[j].map((a, k) => a * at.gradient[k])));
  };
  const standardErrors = (at: ReturnType<typeof evaluate>) =>
    gaussJordanInverse(at.information).map((row, j) => Math.sqrt(row[j]));
  const zero = new Array<number>(q).fill(0);
  const start = evaluate(zero);
  let beta = zero;
  let at = start;
  let iterations = 0;
  for (;;) {
    const next = newton(beta, at);
    const there = evaluate(next);
    iterations++;
    if (there.ll < at.ll) throw new Error('the plain fit needs step halving: choose other data');
    const done = Math.abs(there.ll - at.ll) <= 1e-9 * Math.abs(there.ll);
    beta = next;
    at = there;
    if (done) break;
  }
  const stopped = { beta, se: standardErrors(at), ll: at.ll, iterations };
  for (let i = 0; i < 50; i++) {
    const next = newton(beta, at);
    const moved = Math.max(...next.map((b, j) => Math.abs(b - beta[j])));
    beta = next;
    at = evaluate(beta);
    if (moved < 1e-15) break;
  }
  return { stopped, maximum: { beta, se: standardErrors(at) }, nullLl: start.ll };
}

function gaussJordanInverse(matrix: readonly number[][]): number[][] {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    const lead = a[c][c];
    for (let k = 0; k < 2 * n; k++) a[c][k] /= lead;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = a[r][c];
      for (let k = 0; k < 2 * n; k++) a[r][k] -= factor * a[c][k];
    }
  }
  return a.map((row) => row.slice(n));
}

/** The complete cases of each node as the independent fit takes them. */
function strataOf(
  nodes: readonly (readonly SurvivalRow[])[],
  p: CoxRegressionParams,
  names: readonly string[],
) {
  return nodes.map((rows) =>
    rows
      .filter((row) => keeps(row, p.filters))
      .filter((row) =>
        [p.time, p.event, ...p.predictors.flatMap((term) => term.split(':'))].every(
          (name) => valueOf(row, name) !== null,
        ),
      )
      .map((row) => ({
        t: valueOf(row, p.time) as number,
        died: valueOf(row, p.event) as boolean,
        x: names.map((name) => columnValue(row, name)!),
      })),
  );
}

function expectRelative(actual: number | null, expected: number, tolerance = 1e-8): void {
  if (actual === null || Math.abs(actual - expected) > tolerance * Math.abs(expected)) {
    expect(actual).toBe(expected);
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

const Z = 1.959963984540054;

describe('cox-regression', () => {
  const nodes = survivalNodes(2024);

  it.each([
    {
      time: 'days',
      predictors: ['age', 'diabetes', 'smoker', 'sex'],
      filters: [],
    },
    {
      time: 'days',
      predictors: ['age', 'bmi', 'sex', 'diabetes:age'],
      reference: { sex: 'male' },
      // Nobody at the small node is 40 or older: it has no row.
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    },
    { time: 'months', predictors: ['bmi', 'smoker'], filters: [] },
  ])('fits $predictors on $time as the stratified Breslow fit of the pooled rows', (input) => {
    const p = params({ dataset: 'followup', event: 'died', ...input });
    const { result, states } = runRounds(nodes, p);

    expect(result.converged).toBe(true);
    expect(result.warning).toBeUndefined();
    const names = states[0].parameters;
    expect(result.coefficients.map((c) => c.name)).toEqual(names);
    const strata = strataOf(nodes, p, names);
    const { stopped: expected, maximum, nullLl } = pooledCox(strata, names.length);
    result.coefficients.forEach((coefficient, j) => {
      // Where the steps vanish: within a millionth of a standard error.
      expect(Math.abs(coefficient.estimate - maximum.beta[j])).toBeLessThan(1e-6 * maximum.se[j]);
      expectRelative(coefficient.standardError, maximum.se[j], 1e-6);
      // Where R's coxph stops on the pooled rows: the same point, to rounding.
      expectRelative(coefficient.estimate, expected.beta[j]);
      expectRelative(coefficient.standardError, expected.se[j]);
      expectRelative(coefficient.z, expected.beta[j] / expected.se[j]);
      expectRelative(coefficient.hazardRatio, Math.exp(expected.beta[j]));
      expectRelative(coefficient.lower, Math.exp(expected.beta[j] - Z * expected.se[j]));
      expectRelative(coefficient.upper, Math.exp(expected.beta[j] + Z * expected.se[j]));
      expect(coefficient.p).toBeGreaterThanOrEqual(0);
    });
    expectRelative(result.logLikelihood, expected.ll, 1e-12);
    expectRelative(result.nullLogLikelihood, nullLl, 1e-12);
    expect(result.n).toBe(sum(strata.map((rows) => rows.length)));
    expect(result.events).toBe(sum(strata.map((rows) => rows.filter((r) => r.died).length)));
    expect(result.iterations).toBe(states.length - 1);
    expect(result.iterations).toBe(expected.iterations);
    expect(result.iterations).toBeLessThan(10);
    expect(states[0].beta.every((b) => b === 0)).toBe(true);
    // The standard errors are those of the information at the reported coefficients.
    expect(states[states.length - 1].beta).toEqual(result.coefficients.map((c) => c.estimate));
  });

  it('has the shapes the spec relies on: tied event times, a level absent at a node, a node left empty', () => {
    const deaths = nodes.flat().filter((row) => row.died === true && row.days !== null);
    expect(new Set(deaths.map((row) => row.days)).size).toBeLessThan(deaths.length - 20);
    expect(nodes[1].some((row) => row.sex === 'other')).toBe(false);
    expect(nodes[2].length).toBeLessThan(20);
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      predictors: ['age'],
      filters: [{ variable: 'age', op: 'ge', value: 40 }],
    });
    const state = rounds.start(p, COLUMNS);
    expect(kind.read(p, statementRows(nodes[2], p, state), state)).toEqual({
      columns: ['age'],
      iteration: 0,
      n: 0,
      events: 0,
      logLikelihood: 0,
      gradient: [0],
      information: [0],
      excluded: 0,
    });
  });

  it('pools a node that codes fewer levels, its missing columns being 0 there', () => {
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      predictors: ['age', 'sex'],
    });
    const declaresTwo: WorkspaceTable = {
      ...TABLE,
      columns: COLUMNS.map((c) => (c.name === 'sex' ? { ...c, levels: ['female', 'male'] } : c)),
    };
    const tables = [TABLE, declaresTwo, TABLE];
    const { result, states } = runRounds(nodes, p, tables);
    expect(
      kind.read(p, statementRows(nodes[1], p, states[0], declaresTwo), states[0]).columns,
    ).toEqual(['age', 'sex=male']);
    const { stopped } = pooledCox(strataOf(nodes, p, states[0].parameters), 3);
    expect(result.coefficients.map((c) => c.name)).toEqual(['age', 'sex=male', 'sex=other']);
    result.coefficients.forEach((c, j) => {
      expectRelative(c.estimate, stopped.beta[j]);
      expectRelative(c.standardError, stopped.se[j]);
    });
  });

  it('runs one statement with every value bound', () => {
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      predictors: ['age', 'smoker'],
      filters: [{ variable: 'sex', op: 'eq', value: 'female' }],
    });
    const state = { ...rounds.start(p, COLUMNS), beta: [0.03, 0.2, -0.1] };
    expect(kind.local(p, TABLE, state)).toEqual({
      sql:
        'SELECT $1::text[] AS columns, count(*) AS rows, count(*) FILTER (WHERE complete) AS n, count(*) FILTER (WHERE complete AND y = 1) AS events, ' +
        'sum(z - ln(s0)) FILTER (WHERE complete AND y = 1) AS ll, ' +
        'sum(x1 - s1_0 / s0) FILTER (WHERE complete AND y = 1) AS g_0, ' +
        'sum(x2 - s1_1 / s0) FILTER (WHERE complete AND y = 1) AS g_1, ' +
        'sum(x3 - s1_2 / s0) FILTER (WHERE complete AND y = 1) AS g_2, ' +
        'sum(s2_0_0 / s0 - (s1_0 / s0) * (s1_0 / s0)) FILTER (WHERE complete AND y = 1) AS h_0_0, ' +
        'sum(s2_0_1 / s0 - (s1_0 / s0) * (s1_1 / s0)) FILTER (WHERE complete AND y = 1) AS h_0_1, ' +
        'sum(s2_0_2 / s0 - (s1_0 / s0) * (s1_2 / s0)) FILTER (WHERE complete AND y = 1) AS h_0_2, ' +
        'sum(s2_1_1 / s0 - (s1_1 / s0) * (s1_1 / s0)) FILTER (WHERE complete AND y = 1) AS h_1_1, ' +
        'sum(s2_1_2 / s0 - (s1_1 / s0) * (s1_2 / s0)) FILTER (WHERE complete AND y = 1) AS h_1_2, ' +
        'sum(s2_2_2 / s0 - (s1_2 / s0) * (s1_2 / s0)) FILTER (WHERE complete AND y = 1) AS h_2_2 ' +
        'FROM (SELECT complete, y, z, x1, x2, x3, sum(exp(z)) OVER risk AS s0, ' +
        'sum(x1 * exp(z)) OVER risk AS s1_0, sum(x2 * exp(z)) OVER risk AS s1_1, sum(x3 * exp(z)) OVER risk AS s1_2, ' +
        'sum(x1 * x1 * exp(z)) OVER risk AS s2_0_0, sum(x1 * x2 * exp(z)) OVER risk AS s2_0_1, sum(x1 * x3 * exp(z)) OVER risk AS s2_0_2, ' +
        'sum(x2 * x2 * exp(z)) OVER risk AS s2_1_1, sum(x2 * x3 * exp(z)) OVER risk AS s2_1_2, sum(x3 * x3 * exp(z)) OVER risk AS s2_2_2 ' +
        'FROM (SELECT *, greatest(eta - max(eta) OVER (PARTITION BY complete), -500) AS z ' +
        'FROM (SELECT *, x1 * $5::double precision + x2 * $6::double precision + x3 * $7::double precision AS eta ' +
        'FROM (SELECT ("died" IS NOT NULL AND "age" IS NOT NULL AND "smoker" IS NOT NULL AND "days" IS NOT NULL) AS complete, ' +
        '"died"::integer::double precision AS y, "days"::double precision AS x0, "age"::double precision AS x1, ' +
        '("smoker" = $2::text)::integer::double precision AS x2, ("smoker" = $3::text)::integer::double precision AS x3 ' +
        'FROM "ws_1"."followup" WHERE "sex" = $4::text OFFSET 0) AS d) AS linear) AS centred ' +
        'WINDOW risk AS (PARTITION BY complete ORDER BY x0 DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS risk_sets',
      values: [
        ['age', 'smoker=former', 'smoker=current'],
        'former',
        'current',
        'female',
        0.03,
        0.2,
        -0.1,
      ],
    });
  });

  describe('state', () => {
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      predictors: ['age', 'sex'],
    });

    it('starts at zeros, one per design column', () => {
      expect(rounds.start(p, COLUMNS)).toEqual({
        parameters: ['age', 'sex=male', 'sex=other'],
        beta: [0, 0, 0],
        iteration: 0,
        previous: null,
        halving: false,
        start: null,
      });
      expect(rounds.maxRounds).toBe(25);
    });

    it('refuses a beta of the wrong length, or not finite, at the nodes', () => {
      const state = rounds.start(p, COLUMNS);
      expect(rounds.state.safeParse(state).success).toBe(true);
      expect(rounds.state.safeParse({ ...state, beta: [0, 0] }).success).toBe(false);
      expect(rounds.state.safeParse({ ...state, beta: [0, 0, 0, 0] }).success).toBe(false);
      expect(rounds.state.safeParse({ ...state, beta: [0, Infinity, 0] }).success).toBe(false);
      expect(
        rounds.state.safeParse({ ...state, previous: { beta: [0], logLikelihood: -3 } }).success,
      ).toBe(false);
      expect(rounds.state.safeParse({ ...state, iteration: 25 }).success).toBe(false);
      expect(rounds.state.safeParse({ ...state, extra: 1 }).success).toBe(false);
    });

    it('refuses to run with a state lacking a column the node codes', () => {
      expect(() =>
        kind.local(p, TABLE, { ...rounds.start(p, COLUMNS), parameters: ['age', 'sex=male', 'x'] }),
      ).toThrow(/no coefficient for sex=other/);
    });
  });

  describe('rounds at the lead', () => {
    const p = params({ dataset: 'followup', time: 'days', event: 'died', predictors: ['age'] });
    const contribution = (
      iteration: number,
      logLikelihood: number,
      gradient = 2,
      information = 4,
    ): CoxRegressionContribution => ({
      columns: ['age'],
      iteration,
      n: 100,
      events: 40,
      logLikelihood,
      gradient: [gradient],
      information: [information],
      excluded: 0,
    });
    const state = (over: Partial<CoxRegressionState>): CoxRegressionState => ({
      ...rounds.start(p, COLUMNS),
      start: { logLikelihood: -120, n: 100, events: 40 },
      ...over,
    });

    it('takes a Newton step from the first round', () => {
      const combined = kind.combine(p, [contribution(0, -120)], COLUMNS, rounds.start(p, COLUMNS));
      expect(combined).toEqual({
        next: {
          parameters: ['age'],
          beta: [0.5],
          iteration: 1,
          previous: { beta: [0], logLikelihood: -120 },
          halving: false,
          start: { logLikelihood: -120, n: 100, events: 40 },
        },
      });
    });

    it('halves a step that lowers the log-likelihood, and does not stop on a halved point', () => {
      const overshot = state({
        beta: [2],
        iteration: 1,
        previous: { beta: [0], logLikelihood: -120 },
      });
      const halved = kind.combine(p, [contribution(1, -130)], COLUMNS, overshot);
      expect(halved).toEqual({
        next: { ...overshot, beta: [1], iteration: 2, halving: true },
      });
      const atHalf = (halved as { next: CoxRegressionState }).next;
      const again = kind.combine(p, [contribution(2, -120 + 1e-12, 1, 4)], COLUMNS, atHalf);
      expect(again).toEqual({
        next: {
          ...atHalf,
          beta: [1.25],
          iteration: 3,
          previous: { beta: [1], logLikelihood: -120 + 1e-12 },
          halving: false,
        },
      });
    });

    it('reports the result at the round whose log-likelihood changed by at most 1e-9 relative', () => {
      const last = state({
        beta: [0.5],
        iteration: 3,
        previous: { beta: [0.4999], logLikelihood: -100 - 9e-8 },
      });
      const combined = kind.combine(p, [contribution(3, -100, 1e-9, 4)], COLUMNS, last);
      if (!('result' in combined)) throw new Error('expected the result');
      expect(combined.result).toMatchObject({
        converged: true,
        iterations: 3,
        logLikelihood: -100,
        nullLogLikelihood: -120,
        n: 100,
        events: 40,
        covariance: [[0.25]],
      });
      expect(combined.result.coefficients).toEqual([
        {
          name: 'age',
          estimate: 0.5,
          standardError: 0.5,
          z: 1,
          p: expect.closeTo(0.3173105078629141, 14),
          hazardRatio: Math.exp(0.5),
          lower: expect.closeTo(Math.exp(0.5 - Z * 0.5), 14),
          upper: expect.closeTo(Math.exp(0.5 + Z * 0.5), 14),
        },
      ]);
    });

    it('reports non-convergence after the last round, not hiding it', () => {
      const last = state({
        beta: [7],
        iteration: 24,
        previous: { beta: [6], logLikelihood: -101 },
      });
      const combined = kind.combine(p, [contribution(24, -100, 0.2, 0.1)], COLUMNS, last);
      if (!('result' in combined)) throw new Error('expected the result');
      expect(combined.result).toMatchObject({
        converged: false,
        iterations: 24,
        warning: expect.stringMatching(/^Did not converge in 25 rounds/),
      });
      expect(combined.result.coefficients[0].estimate).toBe(7);
    });

    it('reports a fit whose information becomes singular as not converged', () => {
      const diverging = state({
        beta: [30],
        iteration: 5,
        previous: { beta: [29], logLikelihood: -101 },
      });
      const combined = kind.combine(p, [contribution(5, -100, 1e-3, 0)], COLUMNS, diverging);
      if (!('result' in combined)) throw new Error('expected the result');
      expect(combined.result).toMatchObject({
        converged: false,
        covariance: null,
        warning: expect.stringMatching(
          /singular at iteration 5: age may have an infinite coefficient/,
        ),
      });
      expect(combined.result.coefficients[0]).toMatchObject({
        estimate: 30,
        standardError: null,
        z: null,
        p: null,
        lower: null,
      });
    });

    it('refuses contributions of another round or another set of persons', () => {
      expect(() =>
        kind.combine(p, [contribution(1, -100)], COLUMNS, rounds.start(p, COLUMNS)),
      ).toThrow(/is of iteration 1, not 0/);
      expect(() =>
        kind.combine(
          p,
          [{ ...contribution(2, -100), n: 90 }],
          COLUMNS,
          state({ iteration: 2, previous: { beta: [0], logLikelihood: -120 } }),
        ),
      ).toThrow(/90 persons and 40 events, the first had 100 and 40/);
      expect(() =>
        kind.combine(p, [contribution(0, -100)], COLUMNS, {
          ...rounds.start(p, COLUMNS),
          parameters: ['bmi'],
        }),
      ).toThrow(/state is of other design columns/);
      expect(() =>
        kind.combine(
          p,
          [{ ...contribution(0, -1), columns: ['bmi'] }],
          COLUMNS,
          rounds.start(p, COLUMNS),
        ),
      ).toThrow(/has a design column bmi the model does not/);
      expect(() =>
        kind.combine(
          p,
          [{ ...contribution(0, -1), information: [] }],
          COLUMNS,
          rounds.start(p, COLUMNS),
        ),
      ).toThrow(/malformed/);
    });

    it('refuses a model without events, and one whose columns cannot be estimated', () => {
      const none = refusal(() =>
        kind.combine(
          p,
          [{ ...contribution(0, 0, 0, 0), events: 0 }],
          COLUMNS,
          rounds.start(p, COLUMNS),
        ),
      );
      expect(none.code).toBe('ANALYSIS.INVALID_PARAMS');
      // Only women: the sex dummies are 0 for everyone.
      const women = params({
        dataset: 'followup',
        time: 'days',
        event: 'died',
        predictors: ['age', 'sex'],
        filters: [{ variable: 'sex', op: 'eq', value: 'female' }],
      });
      const state0 = rounds.start(women, COLUMNS);
      const collinear = refusal(() =>
        kind.combine(
          women,
          nodes.map((rows) => kind.read(women, statementRows(rows, women, state0), state0)),
          COLUMNS,
          state0,
        ),
      );
      expect(collinear.code).toBe('ANALYSIS.COLLINEAR');
      expect(collinear.details).toEqual({ columns: ['sex=male', 'sex=other'] });
    });
  });

  describe('output checks', () => {
    const contribution: CoxRegressionContribution = {
      columns: ['age', 'sex=male', 'sex=other'],
      iteration: 0,
      n: 12,
      events: 10,
      logLikelihood: -20,
      gradient: [1, 2, 3],
      information: [1, 0, 0, 1, 0, 1],
      excluded: 0,
    };

    it('finds an n or events from 1 to 9, and more parameters than a third of n', () => {
      // The residual degrees of freedom have their own test.
      const COUNT_RULES = { ...RULES, minResidualDf: 1 };
      expect(kind.check(contribution, COUNT_RULES)).toEqual([]);
      expect(kind.check({ ...contribution, n: 9, events: 9 }, COUNT_RULES)).toEqual([
        { rule: 'min-count', cell: 'n', value: 9, threshold: 10 },
        { rule: 'min-count', cell: 'events', value: 9, threshold: 10 },
      ]);
      const fourColumns = {
        ...contribution,
        columns: ['age', 'bmi', 'sex=male', 'sex=other'],
        gradient: [1, 2, 3, 4],
        information: [1, 0, 0, 0, 1, 0, 0, 1, 0, 1],
      };
      // 4 parameters for 12 persons: at most 4 allowed; for 11, at most 3.
      expect(kind.check(fourColumns, COUNT_RULES)).toEqual([]);
      expect(kind.check({ ...fourColumns, n: 11 }, COUNT_RULES)).toEqual([
        { rule: 'max-parameters', cell: 'parameters', value: 4, threshold: 3 },
      ]);
      expect(kind.check({ ...fourColumns, n: 8, events: 0 }, COUNT_RULES)).toEqual([
        { rule: 'min-count', cell: 'n', value: 8, threshold: 10 },
        { rule: 'max-parameters', cell: 'parameters', value: 4, threshold: 2 },
      ]);
    });

    it('lets a node without complete cases pass: it contributes nothing', () => {
      const empty = {
        ...contribution,
        n: 0,
        events: 0,
        logLikelihood: 0,
        gradient: [0, 0, 0],
        information: [0, 0, 0, 0, 0, 0],
      };
      expect(kind.check(empty, RULES)).toEqual([]);
      expect(kind.persons(empty)).toBe(0);
      expect(kind.persons(contribution)).toBe(12);
    });

    it.each(SUPPRESSION_CASES)(
      'releases $excluded persons left out as $released, the rest untouched',
      ({ excluded, released }) => {
        expect(kind.suppress({ ...contribution, excluded }, RULES)).toEqual({
          ...contribution,
          excluded: released,
        });
      },
    );
  });

  it('reads the statement row, sums over no event as 0', () => {
    const p = params({ dataset: 'followup', time: 'days', event: 'died', predictors: ['age'] });
    const state = rounds.start(p, COLUMNS);
    expect(
      kind.read(
        p,
        [{ columns: ['age'], rows: '15', n: '12', events: '0', ll: null, g_0: null, h_0_0: null }],
        state,
      ),
    ).toMatchObject({
      n: 12,
      events: 0,
      logLikelihood: 0,
      gradient: [0],
      information: [0],
      excluded: 3,
    });
    expect(() =>
      kind.read(
        p,
        [{ columns: ['age'], rows: '15', n: '12', events: '2', ll: null, g_0: 1, h_0_0: 1 }],
        state,
      ),
    ).toThrow(/ll is missing/);
  });

  it('names every variable it uses, filters included', () => {
    const p = params({
      dataset: 'followup',
      time: 'days',
      event: 'died',
      predictors: ['age', 'sex:diabetes'],
      filters: [{ variable: 'visit', op: 'ge', value: '2020-01-01' }],
    });
    expect(kind.variables(p)).toEqual(['days', 'died', 'age', 'sex', 'diabetes', 'visit']);
  });

  describe('parameters', () => {
    const base = { dataset: 'followup', time: 'days', event: 'died' };

    it('needs at least one predictor, none repeated', () => {
      expect(kind.params.safeParse({ ...base, predictors: [] }).success).toBe(false);
      expect(kind.params.safeParse({ ...base, predictors: ['age', 'age'] }).success).toBe(false);
      expect(kind.params.safeParse({ ...base, predictors: ['age:sex', 'sex:age'] }).success).toBe(
        false,
      );
      expect(kind.params.safeParse({ ...base, predictors: ['age'] }).success).toBe(true);
    });

    it.each([
      [
        { time: 'sex' },
        'ANALYSIS.INVALID_PARAMS',
        'time needs an integer or number variable; sex is category',
      ],
      [
        { event: 'age', predictors: ['bmi'] },
        'ANALYSIS.INVALID_PARAMS',
        'event needs a boolean variable; age is integer',
      ],
      [
        { predictors: ['age', 'days'] },
        'ANALYSIS.INVALID_PARAMS',
        'The time days cannot also be a predictor',
      ],
      [
        { predictors: ['died:age'] },
        'ANALYSIS.INVALID_PARAMS',
        'The event died cannot also be a predictor',
      ],
      [
        { predictors: ['visit'] },
        'ANALYSIS.INVALID_PARAMS',
        'A predictor needs an integer or number or boolean or category variable; visit is date',
      ],
      [{ predictors: ['weight'] }, 'ANALYSIS.UNKNOWN_VARIABLE', 'Unknown variable weight'],
    ])('refuses %j', (input, code, message) => {
      const error = refusal(() =>
        kind.validate(params({ ...base, predictors: ['age'], ...input }), COLUMNS),
      );
      expect(error.code).toBe(code);
      expect(error.message).toBe(message);
    });
  });
});
