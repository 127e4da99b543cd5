import type { WorkspaceColumn } from '../../analysis-kind';
import { type Exclusions, pooledExclusions } from '../../complete-cases';
import { parseContributions } from '../../contributions';
import { assertEstimable } from '../../design/collinearity';
import { designOf } from '../../design/design';
import { addPacked, addVector, positionsIn, zeroMatrix, zeroVector } from '../../design/pooling';
import { studentTTwoSidedP } from '../../math/distributions';
import { solveSymmetric, symmetricInverse } from '../../math/matrix';
import { linearRegressionContributionSchema } from './contribution';
import { LINEAR_OUTCOME_TYPES, type LinearRegressionParams } from './params';

export interface LinearCoefficient {
  /** The design column, e.g. `(Intercept)`, `age`, `sex=male`, `sex=male:age`. */
  readonly name: string;
  readonly estimate: number;
  readonly standardError: number;
  /** estimate / standardError; null when the standard error is 0 (a perfect fit). */
  readonly t: number | null;
  /** Two-sided, from Student's t with the residual degrees of freedom; null with t. */
  readonly p: number | null;
}

export interface LinearRegressionResult {
  readonly outcome: string;
  /** Complete cases pooled over the nodes. */
  readonly n: number;
  readonly coefficients: LinearCoefficient[];
  /** √(RSS / residualDf). */
  readonly residualStandardError: number;
  /** n − the number of coefficients. */
  readonly residualDf: number;
  /** 1 − RSS / TSS (about the mean); null when the outcome is constant. */
  readonly rSquared: number | null;
  readonly adjustedRSquared: number | null;
  /** Persons left out for a missing outcome or predictor. */
  readonly excluded: Exclusions;
}

const KIND = 'linear-regression';

/**
 * Least squares on the pooled complete cases, from the sums of the nodes'
 * XᵀX, Xᵀy and yᵀy: β = (XᵀX)⁻¹Xᵀy, RSS = yᵀy − βᵀXᵀy, standard errors
 * √(RSS / (n − p) · (XᵀX)⁻¹ⱼⱼ), as R's lm.
 */
export function combineLinearRegression(
  params: LinearRegressionParams,
  contributions: readonly unknown[],
  columns: readonly WorkspaceColumn[],
): LinearRegressionResult {
  const names = designOf(params, columns, LINEAR_OUTCOME_TYPES).columns.map((c) => c.name);
  const parsed = parseContributions(linearRegressionContributionSchema, contributions, KIND);
  const p = names.length;
  const xtx = zeroMatrix(p);
  const xty = zeroVector(p);
  let yty = 0;
  let n = 0;
  for (const contribution of parsed) {
    const positions = positionsIn(names, contribution.columns, KIND);
    addPacked(xtx, contribution.xtx, positions);
    addVector(xty, contribution.xty, positions);
    yty += contribution.yty;
    n += contribution.n;
  }
  assertEstimable(xtx, names, n);

  const beta = solveSymmetric(xtx, xty);
  const inverse = symmetricInverse(xtx);
  const residualDf = n - p;
  const rss = Math.max(0, yty - beta.reduce((sum, b, j) => sum + b * xty[j], 0));
  const sigma2 = rss / residualDf;
  // The intercept is column 0, so Xᵀy[0] is Σy.
  const tss = Math.max(0, yty - (xty[0] * xty[0]) / n);
  const rSquared = tss > 0 ? 1 - rss / tss : null;
  return {
    outcome: params.outcome,
    n,
    coefficients: names.map((name, j) => {
      const standardError = Math.sqrt(sigma2 * inverse[j][j]);
      const t = standardError > 0 ? beta[j] / standardError : null;
      return {
        name,
        estimate: beta[j],
        standardError,
        t,
        p: t === null ? null : studentTTwoSidedP(t, residualDf),
      };
    }),
    residualStandardError: Math.sqrt(sigma2),
    residualDf,
    rSquared,
    adjustedRSquared: rSquared === null ? null : 1 - ((1 - rSquared) * (n - 1)) / residualDf,
    excluded: pooledExclusions(parsed),
  };
}
