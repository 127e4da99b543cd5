/**
 * Dense linear algebra for the small symmetric positive (semi)definite
 * matrices of model fitting (XᵀX, information matrices; p ≤ 50 or so). Pure,
 * no allocation tricks: clarity over speed at this size.
 *
 * A matrix is an array of rows. Only the lower triangle (j ≤ i) of a
 * symmetric argument is read, so a caller may fill one triangle.
 */
export type Matrix = readonly (readonly number[])[];

/**
 * The default relative pivot tolerance: column j counts as linearly dependent
 * on the columns before it when its Cholesky pivot is at most this fraction of
 * its diagonal entry. Equivalently, scaling the matrix to a unit diagonal, the
 * pivot (1 − R² of column j on the earlier columns, for a Gram matrix) is at
 * most 1e-10. For a Gram matrix XᵀX this is |R_jj| / ‖x_j‖ ≤ 1e-5 in a QR of
 * X: stricter than R's lm (1e-7), because forming XᵀX squares the condition.
 */
export const PIVOT_TOLERANCE = 1e-10;

/** The matrix is singular at the tolerance: `columns` are dependent on earlier ones (0-based). */
export class SingularMatrixError extends Error {
  constructor(readonly columns: readonly number[]) {
    super(`The matrix is singular: column(s) ${columns.join(', ')} depend on earlier ones`);
    this.name = 'SingularMatrixError';
  }
}

export interface Cholesky {
  /**
   * L, lower triangular, with A ≈ L·Lᵀ. A dependent column's column of L is
   * zero, so L·Lᵀ is A with that column and row left out (set to zero).
   */
  readonly lower: number[][];
  /** The columns dependent on earlier ones at the tolerance, ascending (0-based). */
  readonly dependent: number[];
}

/**
 * The Cholesky factorisation A = L·Lᵀ of a symmetric positive semidefinite
 * matrix, without pivoting (columns keep their order, so a dependent column
 * is named after the columns it depends on). A column whose pivot is at most
 * `tolerance` × its diagonal entry (or whose diagonal is not positive, e.g. an
 * all-zero column) is dependent: it is skipped and its column of L is zero.
 * With tolerance 0 only a pivot ≤ 0 makes a column dependent.
 */
export function cholesky(a: Matrix, tolerance = PIVOT_TOLERANCE): Cholesky {
  const n = assertSquare(a);
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const dependent: number[] = [];
  for (let j = 0; j < n; j++) {
    let pivot = a[j][j];
    for (let k = 0; k < j; k++) pivot -= lower[j][k] ** 2;
    if (!(a[j][j] > 0) || !(pivot > tolerance * a[j][j])) {
      dependent.push(j);
      continue;
    }
    const root = Math.sqrt(pivot);
    lower[j][j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= lower[i][k] * lower[j][k];
      lower[i][j] = s / root;
    }
  }
  return { lower, dependent };
}

/**
 * The columns (0-based, ascending) that are linearly dependent on the
 * columns before them, judged by the Cholesky pivots relative to the
 * diagonal (the pivots of the matrix scaled to a unit diagonal). An
 * all-zero column is dependent (on nothing: it is zero). Empty: full rank.
 */
export function dependentColumns(a: Matrix, tolerance = PIVOT_TOLERANCE): number[] {
  return cholesky(a, tolerance).dependent;
}

/** x with A·x = b for a positive definite A; SingularMatrixError when a column is dependent. */
export function solveSymmetric(
  a: Matrix,
  b: readonly number[],
  tolerance = PIVOT_TOLERANCE,
): number[] {
  const { lower } = fullRank(a, tolerance);
  if (b.length !== lower.length) {
    throw new Error(`The right-hand side has ${b.length} entries, not ${lower.length}`);
  }
  return solveWith(lower, b);
}

/** A⁻¹ of a positive definite A (symmetric, both triangles filled); SingularMatrixError when a column is dependent. */
export function symmetricInverse(a: Matrix, tolerance = PIVOT_TOLERANCE): number[][] {
  const { lower } = fullRank(a, tolerance);
  const n = lower.length;
  const inverse = Array.from({ length: n }, (_, j) =>
    solveWith(
      lower,
      Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  // Symmetrise: the solves agree with each other only to rounding.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (inverse[i][j] + inverse[j][i]) / 2;
      inverse[i][j] = mean;
      inverse[j][i] = mean;
    }
  }
  return inverse;
}

function fullRank(a: Matrix, tolerance: number): Cholesky {
  const factor = cholesky(a, tolerance);
  if (factor.dependent.length > 0) throw new SingularMatrixError(factor.dependent);
  return factor;
}

/** Solves L·Lᵀ·x = b by a forward then a backward substitution. */
function solveWith(lower: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = lower.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= lower[i][k] * y[k];
    y[i] = s / lower[i][i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= lower[k][i] * x[k];
    x[i] = s / lower[i][i];
  }
  return x;
}

function assertSquare(a: Matrix): number {
  const n = a.length;
  if (a.some((row) => row.length !== n)) throw new Error(`The matrix is not ${n} × ${n}`);
  return n;
}
