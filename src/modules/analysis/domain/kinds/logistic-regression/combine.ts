import type { Combined, WorkspaceColumn } from '../../analysis-kind';
import { type Exclusions, pooledExclusions } from '../../complete-cases';
import { assertContribution, parseContributions, sameValues } from '../../contributions';
import { assertEstimable } from '../../design/collinearity';
import { type DesignColumn, designOf } from '../../design/design';
import { addPacked, addVector, positionsIn, zeroMatrix, zeroVector } from '../../design/pooling';
import { normalQuantile, normalTwoSidedP } from '../../math/distributions';
import {
  dependentColumns,
  type Matrix,
  SingularMatrixError,
  solveSymmetric,
  symmetricInverse,
} from '../../math/matrix';
import { logisticRegressionContributionSchema } from './contribution';
import { LOGISTIC_OUTCOME_TYPES, type LogisticRegressionParams } from './params';
import { type LogisticRegressionState, MAX_ITERATIONS } from './state';

/** glm.fit's convergence: |dev − dev_old| / (|dev| + 0.1) below this. */
export const CONVERGENCE_EPSILON = 1e-10;

/** An indicator's coefficient beyond this (an odds ratio beyond 3·10⁶) suggests separation. */
export const DIVERGENT_COEFFICIENT = 15;

const Z_975 = normalQuantile(0.975);

export interface LogisticCoefficient {
  readonly name: string;
  readonly estimate: number;
  /** From the inverse information at the reported β; null if it is numerically singular. */
  readonly standardError: number | null;
  /** Wald z = estimate / standardError. */
  readonly z: number | null;
  /** Two-sided, from the standard normal. */
  readonly p: number | null;
  /** e^estimate; null where it overflows. */
  readonly oddsRatio: number | null;
  /** The Wald 95% interval of the odds ratio, e^(estimate ± 1.96 × standardError). */
  readonly lower95: number | null;
  readonly upper95: number | null;
}

export interface Separation {
  /** Complete cases whose fitted probability is numerically 0 or 1 (|xβ| > 30) at the reported β. */
  readonly fittedAtBounds: number;
  /**
   * Design columns whose coefficients diverge: an indicator (level or boolean)
   * coefficient beyond ±15, or a column the information matrix no longer
   * tells from the earlier ones.
   */
  readonly columns: string[];
}

export interface LogisticRegressionResult {
  readonly outcome: string;
  readonly n: number;
  readonly coefficients: LogisticCoefficient[];
  /** −2 × the log-likelihood at the reported β. */
  readonly deviance: number;
  /** The deviance of the intercept-only model. */
  readonly nullDeviance: number;
  /** deviance + 2 × the number of coefficients. */
  readonly aic: number;
  readonly residualDf: number;
  readonly nullDf: number;
  /** Newton–Raphson updates made (at most 25); the nodes ran one round more. */
  readonly iterations: number;
  /** Whether the deviance settled before the last update allowed. */
  readonly converged: boolean;
  /** Signs that the maximum likelihood estimate does not exist (the data are separated); null when none. */
  readonly separation: Separation | null;
  readonly excluded: Exclusions;
}

const KIND = 'logistic-regression';

interface Pooled {
  readonly n: number;
  readonly gradient: number[];
  readonly information: number[][];
  readonly deviance: number;
  readonly fittedAtBounds: number;
  readonly excluded: Exclusions;
}

/**
 * One Newton–Raphson (IRLS) round at the lead. The nodes evaluated the
 * state's β; the pooled gradient g and information I give β + I⁻¹g, the
 * next round's β, unless the deviance has settled (as R's glm.fit:
 * |dev − dev_old| / (|dev| + 0.1) < 1e-10) or 25 updates are made: then
 * the result reports this round's β, with standard errors from this
 * round's information, at that same β.
 */
export function combineLogisticRegression(
  params: LogisticRegressionParams,
  contributions: readonly unknown[],
  columns: readonly WorkspaceColumn[],
  state: LogisticRegressionState,
): Combined<LogisticRegressionResult, LogisticRegressionState> {
  const design = designOf(params, columns, LOGISTIC_OUTCOME_TYPES).columns;
  const names = design.map((column) => column.name);
  if (!sameValues(state.columns, names) || state.beta.length !== names.length) {
    throw new Error(`The ${KIND} state is for the columns ${state.columns.join(', ')}`);
  }
  const pooled = pool(names, contributions, state);
  if (state.iteration === 0) assertEstimable(pooled.information, names, pooled.n);
  const nullDeviance =
    state.nullDeviance ?? nullDevianceOf(pooled.n, pooled.gradient[0] + pooled.n / 2);
  const converged =
    state.deviance !== null &&
    Math.abs(pooled.deviance - state.deviance) / (Math.abs(pooled.deviance) + 0.1) <
      CONVERGENCE_EPSILON;
  if (converged || state.iteration >= MAX_ITERATIONS) {
    return { result: resultOf(params, design, state, pooled, nullDeviance, converged) };
  }
  let step: number[];
  try {
    step = solveSymmetric(pooled.information, pooled.gradient, 0);
  } catch (error) {
    if (!(error instanceof SingularMatrixError)) throw error;
    return { result: resultOf(params, design, state, pooled, nullDeviance, false) };
  }
  return {
    next: {
      columns: names,
      beta: state.beta.map((b, j) => b + step[j]),
      iteration: state.iteration + 1,
      deviance: pooled.deviance,
      nullDeviance,
    },
  };
}

function pool(
  names: readonly string[],
  contributions: readonly unknown[],
  state: LogisticRegressionState,
): Pooled {
  const parsed = parseContributions(logisticRegressionContributionSchema, contributions, KIND);
  const p = names.length;
  const gradient = zeroVector(p);
  const information = zeroMatrix(p);
  let n = 0;
  let logLikelihood = 0;
  let fittedAtBounds = 0;
  for (const contribution of parsed) {
    assertContribution(
      contribution.iteration === state.iteration,
      KIND,
      `answers iteration ${contribution.iteration}, not ${state.iteration}`,
    );
    const positions = positionsIn(names, contribution.columns, KIND);
    addVector(gradient, contribution.gradient, positions);
    addPacked(information, contribution.information, positions);
    n += contribution.n;
    logLikelihood += contribution.logLikelihood;
    fittedAtBounds += contribution.fittedAtBounds;
  }
  return {
    n,
    gradient,
    information,
    deviance: -2 * logLikelihood,
    fittedAtBounds,
    excluded: pooledExclusions(parsed),
  };
}

/** −2 Σ [y ln ȳ + (1 − y) ln(1 − ȳ)], the deviance of the intercept-only fit, from n and Σy. */
function nullDevianceOf(n: number, events: number): number {
  const term = (count: number) => (count > 0 ? count * Math.log(count / n) : 0);
  return Math.max(0, -2 * (term(events) + term(n - events)));
}

function resultOf(
  params: LogisticRegressionParams,
  design: readonly DesignColumn[],
  state: LogisticRegressionState,
  pooled: Pooled,
  nullDeviance: number,
  converged: boolean,
): LogisticRegressionResult {
  const inverse = inverseOrNull(pooled.information);
  const p = design.length;
  return {
    outcome: params.outcome,
    n: pooled.n,
    coefficients: design.map(({ name }, j) => {
      const estimate = state.beta[j];
      const standardError = inverse === null ? null : Math.sqrt(inverse[j][j]);
      const z = standardError === null ? null : estimate / standardError;
      return {
        name,
        estimate,
        standardError,
        z,
        p: z === null ? null : normalTwoSidedP(z),
        oddsRatio: finiteOrNull(Math.exp(estimate)),
        lower95:
          standardError === null ? null : finiteOrNull(Math.exp(estimate - Z_975 * standardError)),
        upper95:
          standardError === null ? null : finiteOrNull(Math.exp(estimate + Z_975 * standardError)),
      };
    }),
    deviance: pooled.deviance,
    nullDeviance,
    aic: pooled.deviance + 2 * p,
    residualDf: pooled.n - p,
    nullDf: pooled.n - 1,
    iterations: state.iteration,
    converged,
    separation: separationOf(design, state.beta, pooled),
    excluded: pooled.excluded,
  };
}

function separationOf(
  design: readonly DesignColumn[],
  beta: readonly number[],
  pooled: Pooled,
): Separation | null {
  const singular = new Set(dependentColumns(pooled.information));
  const columns = design
    .filter(
      ({ factors }, j) =>
        singular.has(j) ||
        (factors.length > 0 &&
          factors.every((factor) => factor.kind !== 'number') &&
          Math.abs(beta[j]) > DIVERGENT_COEFFICIENT),
    )
    .map(({ name }) => name);
  return pooled.fittedAtBounds > 0 || columns.length > 0
    ? { fittedAtBounds: pooled.fittedAtBounds, columns }
    : null;
}

function inverseOrNull(information: Matrix): number[][] | null {
  try {
    return symmetricInverse(information, 0);
  } catch (error) {
    if (error instanceof SingularMatrixError) return null;
    throw error;
  }
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
