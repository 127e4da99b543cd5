import type { LocalQuery, WorkspaceTable } from '../../analysis-kind';
import { columnAlias, designRowsSql, upperPairs } from '../../design/design-sql';
import { readModelRow } from '../../design/model-rows';
import { SqlValues, statement } from '../../sql';
import type { CoxRegressionContribution } from './contribution';
import { coxDesignOf } from './cox-design';
import type { CoxRegressionParams } from './params';
import type { CoxRegressionState } from './state';

/**
 * How far below the node's largest linear predictor η may go before it is
 * held there: e^−500 ≈ 7e−218, so exp never underflows (PostgreSQL raises an
 * error on a float underflow) and every log is finite. Reached only when
 * coefficients run off to infinity.
 */
export const ETA_FLOOR = -500;

const EVENTS = 'FILTER (WHERE complete AND y = 1)';

/**
 * One pass over the rows the filters keep, in one statement. Each complete
 * case gets η = xᵀβ, centred at the node's largest, z = η − max η (so
 * exp(z) ≤ 1: no overflow; the centring cancels in every ratio below and in
 * η − log S0). Over the risk set of each row's time t — every complete case
 * with a time ≥ t: a window ordered by time descending whose RANGE frame
 * takes in the rows tied with t (Breslow) — S0 = Σ e^z, S1 = Σ x e^z and
 * S2 = Σ x xᵀ e^z. Summed over the events: the log partial likelihood
 * Σ (z − log S0), the gradient Σ (x − S1/S0) and the information
 * Σ (S2/S0 − (S1/S0)(S1/S0)ᵀ).
 */
export function coxRegressionQuery(
  params: CoxRegressionParams,
  table: WorkspaceTable,
  state: CoxRegressionState,
): LocalQuery {
  const { covariates, rows: design } = coxDesignOf(params, table.columns);
  const names = covariates.map((column) => column.name);
  const beta = coefficientsFor(names, state);
  const values = new SqlValues();
  const columns = `${values.add(names, 'text[]')} AS columns`;
  const rows = designRowsSql(design, table, params.filters, values);
  const time = columnAlias(0);
  const x = (j: number) => columnAlias(j + 1);
  const xs = names.map((_, j) => x(j));
  const eta = names.map((_, j) => `${x(j)} * ${values.add(beta[j], 'double precision')}`);
  const pairs = upperPairs(names.length);
  const riskSums = [
    'sum(exp(z)) OVER risk AS s0',
    ...xs.map((xj, j) => `sum(${xj} * exp(z)) OVER risk AS s1_${j}`),
    ...pairs.map(([j, k]) => `sum(${x(j)} * ${x(k)} * exp(z)) OVER risk AS s2_${j}_${k}`),
  ];
  const sums = [
    `sum(z - ln(s0)) ${EVENTS} AS ll`,
    ...xs.map((xj, j) => `sum(${xj} - s1_${j} / s0) ${EVENTS} AS g_${j}`),
    ...pairs.map(
      ([j, k]) =>
        `sum(s2_${j}_${k} / s0 - (s1_${j} / s0) * (s1_${k} / s0)) ${EVENTS} AS h_${j}_${k}`,
    ),
  ];
  const linear = `SELECT *, ${eta.join(' + ')} AS eta FROM (${rows}) AS d`;
  const centred = `SELECT *, greatest(eta - max(eta) OVER (PARTITION BY complete), ${ETA_FLOOR}) AS z FROM (${linear}) AS linear`;
  const riskSets = statement(
    `SELECT ${['complete', 'y', 'z', ...xs, ...riskSums].join(', ')}`,
    `FROM (${centred}) AS centred`,
    `WINDOW risk AS (PARTITION BY complete ORDER BY ${time} DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`,
  );
  const sql = statement(
    `SELECT ${[
      columns,
      'count(*) AS rows',
      'count(*) FILTER (WHERE complete) AS n',
      `count(*) ${EVENTS} AS events`,
      ...sums,
    ].join(', ')}`,
    `FROM (${riskSets}) AS risk_sets`,
  );
  return { sql, values: values.values };
}

/** The state's coefficient of each column this node codes (a level it lacks is 0 in all its rows). */
function coefficientsFor(names: readonly string[], state: CoxRegressionState): number[] {
  if (state.beta.length !== state.parameters.length) {
    throw new Error('The state has not one coefficient per parameter');
  }
  return names.map((name) => {
    const position = state.parameters.indexOf(name);
    if (position < 0) throw new Error(`The model's state has no coefficient for ${name}`);
    return state.beta[position];
  });
}

export function readCoxRegression(
  _params: CoxRegressionParams,
  rows: readonly Record<string, unknown>[],
  state: CoxRegressionState,
): CoxRegressionContribution {
  const { columns, n, excluded, sum, count } = readModelRow(rows);
  const events = count('events');
  // Sums over no event are null in SQL: 0 here.
  const overEvents = (alias: string): number => (events === 0 ? 0 : sum(alias));
  return {
    columns,
    iteration: state.iteration,
    n,
    events,
    logLikelihood: overEvents('ll'),
    gradient: columns.map((_, j) => overEvents(`g_${j}`)),
    information: upperPairs(columns.length).map(([j, k]) => overEvents(`h_${j}_${k}`)),
    excluded,
  };
}
