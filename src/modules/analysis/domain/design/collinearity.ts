import { DomainError } from '../../../../shared/errors';
import { cholesky, type Matrix, solveSymmetric } from '../math/matrix';

/** A column counts as involved in a dependence when its share of it is above this (scale-free). */
const INVOLVED = 1e-6;

/**
 * Refuses a model the pooled data cannot estimate: no residual degrees of
 * freedom (ANALYSIS.INVALID_PARAMS), or design columns that are linear
 * combinations of earlier ones (ANALYSIS.COLLINEAR, naming each such column
 * and the columns it depends on; a column that is 0 for every person, such
 * as a level no one has, is named as such). `gram` is XᵀX, or XᵀWX with
 * positive weights, of the pooled complete cases.
 */
export function assertEstimable(gram: Matrix, names: readonly string[], n: number): void {
  const p = names.length;
  if (n <= p) {
    throw new DomainError(
      'ANALYSIS.INVALID_PARAMS',
      `The model has ${p} parameters and the data ${n} complete cases: no residual degrees of freedom`,
      { parameters: p, n },
    );
  }
  const { dependent } = cholesky(gram);
  if (dependent.length === 0) return;
  const dependencies = dependent.map((j) => ({
    column: names[j],
    dependsOn: gram[j][j] > 0 ? involvedIn(gram, j, dependent).map((i) => names[i]) : [],
  }));
  const clauses = dependencies.map(({ column, dependsOn }) =>
    dependsOn.length === 0
      ? `${column} is 0 for every person`
      : `${column} is a linear combination of ${dependsOn.join(', ')}`,
  );
  throw new DomainError(
    'ANALYSIS.COLLINEAR',
    `The predictors are collinear: ${clauses.join('; ')}. Leave out or recode the predictors involved.`,
    { columns: dependencies.map((d) => d.column), dependencies },
  );
}

/** The earlier independent columns whose combination makes column j. */
function involvedIn(gram: Matrix, j: number, dependent: readonly number[]): number[] {
  const basis = Array.from({ length: j }, (_, i) => i).filter((i) => !dependent.includes(i));
  const coefficients = solveSymmetric(
    basis.map((a) => basis.map((b) => gram[a][b])),
    basis.map((i) => gram[i][j]),
    0,
  );
  return basis.filter(
    (i, index) => Math.abs(coefficients[index]) * Math.sqrt(gram[i][i] / gram[j][j]) > INVOLVED,
  );
}
