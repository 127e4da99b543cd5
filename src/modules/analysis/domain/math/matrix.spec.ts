import {
  cholesky,
  dependentColumns,
  type Matrix,
  SingularMatrixError,
  solveSymmetric,
  symmetricInverse,
} from './matrix';

const gram = (rows: readonly (readonly number[])[]): number[][] =>
  rows[0].map((_, j) => rows[0].map((_, k) => rows.reduce((s, row) => s + row[j] * row[k], 0)));

const times = (a: Matrix, x: readonly number[]): number[] =>
  a.map((row) => row.reduce((s, value, k) => s + value * x[k], 0));

function expectClose(actual: number, expected: number, tolerance = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  );
}

describe('matrix', () => {
  // A Hilbert-like but well-conditioned matrix, and the Gram matrix of a small design.
  const a = [
    [4, 2, 0.6],
    [2, 5, 1.5],
    [0.6, 1.5, 3],
  ];
  const design = [
    [1, 20, 0],
    [1, 35, 1],
    [1, 50, 1],
    [1, 41, 0],
    [1, 63, 1],
  ];

  it('factors A = L·Lᵀ', () => {
    const { lower, dependent } = cholesky(a);
    expect(dependent).toEqual([]);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const product = lower[i].reduce((s, l, k) => s + l * lower[j][k], 0);
        expectClose(product, a[i][j]);
      }
      for (let j = i + 1; j < 3; j++) expect(lower[i][j]).toBe(0);
    }
  });

  it('solves and inverts', () => {
    const b = [1, -2, 0.5];
    const x = solveSymmetric(a, b);
    times(a, x).forEach((value, i) => expectClose(value, b[i]));
    const inverse = symmetricInverse(a);
    for (let i = 0; i < 3; i++) {
      const column = inverse.map((row) => row[i]);
      times(a, column).forEach((value, j) => expectClose(value, i === j ? 1 : 0));
      for (let j = 0; j < 3; j++) expect(inverse[i][j]).toBe(inverse[j][i]);
    }
  });

  it('reads only the lower triangle', () => {
    const lowerOnly = a.map((row, i) => row.map((value, j) => (j <= i ? value : NaN)));
    expect(solveSymmetric(lowerOnly, [1, 2, 3])).toEqual(solveSymmetric(a, [1, 2, 3]));
  });

  it('finds no dependent column in a full-rank Gram matrix, however scaled', () => {
    expect(dependentColumns(gram(design))).toEqual([]);
    const scaled = design.map(([one, age, flag]) => [one * 1e-6, age * 1e6, flag]);
    expect(dependentColumns(gram(scaled))).toEqual([]);
  });

  it('names a column that is a combination of earlier ones, and an all-zero column', () => {
    // Column 3 = 12 × column 1; column 4 is zero; column 5 = column 0 − column 2.
    const rows = design.map(([one, age, flag]) => [one, age, flag, 12 * age, 0, one - flag]);
    const g = gram(rows);
    expect(dependentColumns(g)).toEqual([3, 4, 5]);
    expect(() => symmetricInverse(g)).toThrow(SingularMatrixError);
    let caught: unknown;
    try {
      solveSymmetric(g, [1, 2, 3, 4, 5, 6]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SingularMatrixError);
    expect((caught as SingularMatrixError).columns).toEqual([3, 4, 5]);
    // The factor of the independent columns still reproduces them.
    const { lower } = cholesky(g);
    expect(lower.map((row) => row[3])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('tells a nearly dependent column by the tolerance', () => {
    const rows = design.map(([one, age]) => [one, age, age + 1e-3 * (age % 2)]);
    const g = gram(rows);
    expect(dependentColumns(g)).toEqual([]);
    expect(dependentColumns(g, 1e-4)).toEqual([2]);
    const exact = gram(design.map(([one, age]) => [one, age, 2 * age + 3]));
    expect(dependentColumns(exact)).toEqual([2]);
    expect(dependentColumns(exact, 0).length).toBeLessThanOrEqual(1);
  });

  it('refuses a matrix that is not square, and a right-hand side of another length', () => {
    expect(() => cholesky([[1, 2]])).toThrow(/not 1 × 1/);
    expect(() => solveSymmetric(a, [1, 2])).toThrow(/2 entries, not 3/);
  });
});
