import { DomainError } from '../../../../../shared/errors';
import type { Combined, WorkspaceColumn } from '../../analysis-kind';
import { type Exclusions, pooledExclusions } from '../../complete-cases';
import { assertContribution, parseContributions, sameValues } from '../../contributions';
import { addPacked, addVector, positionsIn, zeroMatrix, zeroVector } from '../../design/pooling';
import { normalQuantile, normalTwoSidedP } from '../../math/distributions';
import {
  dependentColumns,
  type Matrix,
  SingularMatrixError,
  solveSymmetric,
  symmetricInverse,
} from '../../math/matrix';
import { coxRegressionContributionSchema } from './contribution';
import { coxDesignOf } from './cox-design';
import type { CoxRegressionParams } from './params';
import { COX_MAX_ROUNDS, type CoxRegressionState } from './state';

const KIND = 'cox-regression';

/** Converged when |ℓ − ℓ_previous| ≤ this × |ℓ|: R's coxph (coxph.control eps). */
export const CONVERGENCE = 1e-9;

const Z_975 = normalQuantile(0.975);

export const COX_METHOD = {
  model:
    'Proportional hazards, stratified by node: each node has its own baseline hazard, the coefficients are shared',
  ties: 'breslow',
  fit:
    'Newton–Raphson from β = 0 with step halving, on the sum of the nodes’ log partial likelihoods, ' +
    `until |ℓ − ℓ_previous| ≤ ${CONVERGENCE}·|ℓ| (as R's coxph) or ${COX_MAX_ROUNDS} rounds`,
  standardErrors:
    'The square roots of the diagonal of the inverse of the observed information (minus the ' +
    'Hessian of the pooled log partial likelihood) at the reported coefficients, as R’s coxph',
  confidence: {
    level: 0.95,
    description: 'Wald: exp(β ∓ 1.959964·SE) for the hazard ratio; p two-sided from z = β / SE',
  },
} as const;

export interface CoxCoefficient {
  /** The design column, e.g. `age`, `sex=male`, `sex=male:age`. */
  readonly name: string;
  /** The log hazard ratio. */
  readonly estimate: number;
  /** null (and z, p and the interval with it) when the information is singular at the estimate. */
  readonly standardError: number | null;
  readonly z: number | null;
  readonly p: number | null;
  readonly hazardRatio: number;
  /** The 95% interval of the hazard ratio. */
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface CoxRegressionResult {
  readonly time: string;
  readonly event: string;
  /** Complete cases, and events among them, pooled over the nodes. */
  readonly n: number;
  readonly events: number;
  readonly coefficients: CoxCoefficient[];
  /** The inverse information at the estimate, in the order of the coefficients; null if singular. */
  readonly covariance: number[][] | null;
  /** The pooled log partial likelihood at the estimate, and at β = 0. */
  readonly logLikelihood: number;
  readonly nullLogLikelihood: number;
  /** Newton–Raphson steps taken (R's `iter`): the rounds less the first, at β = 0. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Why the fit is not to be trusted as it stands; absent when it converged. */
  readonly warning?: string;
  readonly method: typeof COX_METHOD;
  /** Persons left out for a missing time, event or predictor. */
  readonly excluded: Exclusions;
}

interface Pooled {
  readonly n: number;
  readonly events: number;
  readonly logLikelihood: number;
  readonly gradient: number[];
  readonly information: number[][];
  readonly excluded: Exclusions;
}

/**
 * One round at the lead: the nodes' log partial likelihoods, gradients and
 * informations summed (their sum is the node-stratified model's), then the
 * result when the log-likelihood has converged, else the next Newton–Raphson
 * point. As R's coxph (coxfit6): a step that lowers the log-likelihood is
 * halved back towards the last accepted point, and a halved point is never
 * taken as converged; out of rounds, the last point is the result, not
 * converged.
 */
export function combineCoxRegression(
  params: CoxRegressionParams,
  contributions: readonly unknown[],
  columns: readonly WorkspaceColumn[],
  state: CoxRegressionState,
): Combined<CoxRegressionResult, CoxRegressionState> {
  const names = coxDesignOf(params, columns).covariates.map((column) => column.name);
  if (!sameValues(state.parameters, names)) {
    throw new Error(`The ${KIND} state is of other design columns than the model's`);
  }
  const pooled = pooledRound(state, contributions);
  const start = state.start ?? {
    logLikelihood: pooled.logLikelihood,
    n: pooled.n,
    events: pooled.events,
  };
  if (pooled.n !== start.n || pooled.events !== start.events) {
    throw new Error(
      `Round ${state.iteration + 1} has ${pooled.n} persons and ${pooled.events} events, the first had ${start.n} and ${start.events}`,
    );
  }
  if (state.iteration === 0) assertFittable(pooled, names);

  const { previous } = state;
  const result = (converged: boolean, warning?: string) => ({
    result: resultOf(params, state, pooled, start.logLikelihood, converged, warning),
  });
  if (
    previous !== null &&
    !state.halving &&
    Math.abs(pooled.logLikelihood - previous.logLikelihood) <=
      CONVERGENCE * Math.abs(pooled.logLikelihood)
  ) {
    return result(true);
  }
  if (state.iteration + 1 >= COX_MAX_ROUNDS) {
    return result(
      false,
      `Did not converge in ${COX_MAX_ROUNDS} rounds: the estimates are those of the last round, ` +
        'and may be far from the maximum (a coefficient may be infinite)',
    );
  }
  const next = { ...state, iteration: state.iteration + 1, start };
  if (previous !== null && pooled.logLikelihood < previous.logLikelihood) {
    return {
      next: { ...next, beta: state.beta.map((b, j) => (b + previous.beta[j]) / 2), halving: true },
    };
  }
  let step: number[];
  try {
    step = solveSymmetric(pooled.information, pooled.gradient);
  } catch (error) {
    if (!(error instanceof SingularMatrixError)) throw error;
    return result(
      false,
      `The information became singular at iteration ${state.iteration}: ` +
        `${error.columns.map((j) => names[j]).join(', ')} may have an infinite coefficient`,
    );
  }
  return {
    next: {
      ...next,
      beta: state.beta.map((b, j) => b + step[j]),
      previous: { beta: [...state.beta], logLikelihood: pooled.logLikelihood },
      halving: false,
    },
  };
}

function pooledRound(state: CoxRegressionState, contributions: readonly unknown[]): Pooled {
  const parsed = parseContributions(coxRegressionContributionSchema, contributions, KIND);
  const p = state.parameters.length;
  const gradient = zeroVector(p);
  const information = zeroMatrix(p);
  let logLikelihood = 0;
  let n = 0;
  let events = 0;
  for (const contribution of parsed) {
    assertContribution(
      contribution.iteration === state.iteration,
      KIND,
      `is of iteration ${contribution.iteration}, not ${state.iteration}`,
    );
    const positions = positionsIn(state.parameters, contribution.columns, KIND);
    addVector(gradient, contribution.gradient, positions);
    addPacked(information, contribution.information, positions);
    logLikelihood += contribution.logLikelihood;
    n += contribution.n;
    events += contribution.events;
  }
  return { n, events, logLikelihood, gradient, information, excluded: pooledExclusions(parsed) };
}

/**
 * A model the pooled data can fit at all: some events, and an information
 * matrix of full rank at β = 0. Stratified by node, a column that does not
 * vary among those at risk at any event time within a node (a level nobody
 * with an event or at risk then has; a variable constant at each node) has
 * no information, as has a combination of other columns there.
 */
function assertFittable(pooled: Pooled, names: readonly string[]): void {
  if (pooled.events === 0) {
    throw new DomainError(
      'ANALYSIS.INVALID_PARAMS',
      `No node has an event among its ${pooled.n} complete cases: there is no partial likelihood to fit`,
      { n: pooled.n, events: 0 },
    );
  }
  const dependent = dependentColumns(pooled.information);
  if (dependent.length > 0) {
    const columns = dependent.map((j) => names[j]);
    throw new DomainError(
      'ANALYSIS.COLLINEAR',
      `The model cannot estimate ${columns.join(', ')}: within the nodes' risk sets ` +
        'such a column does not vary, or is a combination of the columns before it ' +
        '(stratified by node, nothing that differs only between nodes can be estimated). ' +
        'Leave out or recode the predictors involved.',
      { columns },
    );
  }
}

function resultOf(
  params: CoxRegressionParams,
  state: CoxRegressionState,
  pooled: Pooled,
  nullLogLikelihood: number,
  converged: boolean,
  warning: string | undefined,
): CoxRegressionResult {
  const covariance = inverseOrNull(pooled.information);
  return {
    time: params.time,
    event: params.event,
    n: pooled.n,
    events: pooled.events,
    coefficients: state.parameters.map((name, j) => {
      const estimate = state.beta[j];
      const variance = covariance?.[j][j];
      const standardError = variance !== undefined && variance > 0 ? Math.sqrt(variance) : null;
      const z = standardError === null ? null : estimate / standardError;
      return {
        name,
        estimate,
        standardError,
        z,
        p: z === null ? null : normalTwoSidedP(z),
        hazardRatio: Math.exp(estimate),
        lower: standardError === null ? null : Math.exp(estimate - Z_975 * standardError),
        upper: standardError === null ? null : Math.exp(estimate + Z_975 * standardError),
      };
    }),
    covariance,
    logLikelihood: pooled.logLikelihood,
    nullLogLikelihood,
    iterations: state.iteration,
    converged,
    ...(warning !== undefined && { warning }),
    method: COX_METHOD,
    excluded: pooled.excluded,
  };
}

function inverseOrNull(information: Matrix): number[][] | null {
  try {
    return symmetricInverse(information);
  } catch (error) {
    if (error instanceof SingularMatrixError) return null;
    throw error;
  }
}
