import { DomainError } from '../../../../../shared/errors';
import type { LocalQuery, WorkspaceTable } from '../../analysis-kind';
import { designOf } from '../../design/design';
import { columnAlias, columnNamesSql, designRowsSql, upperPairs } from '../../design/design-sql';
import { readModelRow } from '../../design/model-rows';
import { evaluatedOnce, SqlValues, statement } from '../../sql';
import type { LogisticRegressionContribution } from './contribution';
import { LOGISTIC_OUTCOME_TYPES, type LogisticRegressionParams } from './params';
import type { LogisticRegressionState } from './state';

/**
 * The linear predictor is kept within ±30 before it is used, as R's
 * binomial()$linkinv keeps fitted probabilities within [ε, 1 − ε]: exp never
 * overflows or underflows (PostgreSQL raises an error on either), and a
 * fitted probability beyond it counts as numerically 0 or 1.
 */
export const LINEAR_PREDICTOR_BOUND = 30;

const COMPLETE = 'FILTER (WHERE complete)';

/**
 * One pass over the rows the filters keep, at the state's β. With η = xβ
 * (kept within ±30) and t = e^(−|η|), written so that nothing cancels:
 * p = 1/(1 + t) or t/(1 + t) and 1 − p the other, by the sign of η;
 * w = p(1 − p) = t/(1 + t)²; y − p; and the log-likelihood term
 * y ln p + (1 − y) ln(1 − p) = −(max(±η, 0) + ln(1 + t)). Sums over the
 * complete cases: the gradient Σ (y − p) xⱼ, the information Σ w xⱼxₖ
 * (j ≤ k), the log-likelihood, and the count of |xβ| beyond the bound.
 */
export function logisticRegressionQuery(
  params: LogisticRegressionParams,
  table: WorkspaceTable,
  state: LogisticRegressionState,
): LocalQuery {
  const design = designOf(params, table.columns, LOGISTIC_OUTCOME_TYPES);
  const values = new SqlValues();
  const rows = designRowsSql(design, table, params.filters, values);
  const beta = betaByColumn(
    design.columns.map((c) => c.name),
    state,
  );
  const x = columnAlias;
  const linearPredictor = beta
    .map((b, j) => `${x(j)} * ${values.add(b, 'double precision')}`)
    .join(' + ');
  const bound = LINEAR_PREDICTOR_BOUND;
  const withLp = evaluatedOnce(`SELECT d.*, ${linearPredictor} AS lp FROM (${rows}) AS d`);
  const withEta = evaluatedOnce(
    `SELECT l.*, least(greatest(lp, -${bound}), ${bound}) AS eta, exp(-least(abs(lp), ${bound})) AS t FROM (${withLp}) AS l`,
  );
  const fitted = [
    'SELECT s.*',
    't / ((1 + t) * (1 + t)) AS w',
    '(CASE WHEN y = 1 THEN (CASE WHEN eta >= 0 THEN t ELSE 1 END) ELSE -(CASE WHEN eta >= 0 THEN 1 ELSE t END) END) / (1 + t) AS r',
    '-(greatest(CASE WHEN y = 1 THEN -eta ELSE eta END, 0) + ln(1 + t)) AS ll',
  ].join(', ');
  const p = design.columns.length;
  const sums = [
    ...design.columns.map((_, j) => `sum(r * ${x(j)}) ${COMPLETE} AS g_${j}`),
    ...upperPairs(p).map(([j, k]) => `sum(w * ${x(j)} * ${x(k)}) ${COMPLETE} AS i_${j}_${k}`),
    `sum(ll) ${COMPLETE} AS loglik`,
    `count(*) FILTER (WHERE complete AND abs(lp) > ${bound}) AS bounds`,
    ...(design.outcome.type === 'integer'
      ? ['count(*) FILTER (WHERE complete AND y <> 0 AND y <> 1) AS nonbinary']
      : []),
  ];
  const sql = statement(
    `SELECT ${[columnNamesSql(design, values), 'count(*) AS rows', `count(*) ${COMPLETE} AS n`, ...sums].join(', ')}`,
    `FROM (${evaluatedOnce(`${fitted} FROM (${withEta}) AS s`)}) AS f`,
  );
  return { sql, values: values.values };
}

export function readLogisticRegression(
  params: LogisticRegressionParams,
  rows: readonly Record<string, unknown>[],
  state: LogisticRegressionState,
): LogisticRegressionContribution {
  const { columns, n, excluded, sum, count } = readModelRow(rows);
  if (rows[0].nonbinary !== undefined && count('nonbinary') > 0) {
    throw new DomainError(
      'ANALYSIS.INVALID_PARAMS',
      `The outcome ${params.outcome} has values other than 0 and 1`,
      { variable: params.outcome },
    );
  }
  return {
    columns,
    iteration: state.iteration,
    n,
    gradient: columns.map((_, j) => sum(`g_${j}`)),
    information: upperPairs(columns.length).map(([j, k]) => sum(`i_${j}_${k}`)),
    logLikelihood: Math.min(0, sum('loglik')),
    fittedAtBounds: count('bounds'),
    excluded,
  };
}

/** The state's coefficient of each of this node's design columns (a node may lack a level another declares). */
function betaByColumn(names: readonly string[], state: LogisticRegressionState): number[] {
  return names.map((name) => {
    const j = state.columns.indexOf(name);
    if (j < 0) {
      throw new DomainError(
        'ANALYSIS.INVALID_PARAMS',
        `The model's design column ${name} is not among the lead's (${state.columns.join(', ')}): the nodes code the model differently`,
        { column: name },
      );
    }
    return state.beta[j];
  });
}
