// Test support only: persons with a linear and a logistic signal, spread over
// three nodes, for the regression kinds; and a plain, independent least-squares
// toolkit (Gaussian elimination with partial pivoting) to fit the pooled rows.
import type { WorkspaceColumn, WorkspaceTable } from '../../analysis-kind';
import type { Filter } from '../../filters';
import { COLUMNS, isComplete, passesAll, type PersonRow, seededRandom } from './synthetic-nodes';

export interface ModelRow extends PersonRow {
  /** 12 × age: collinear with age. */
  readonly age_months: number | null;
  /** sex = female: collinear with the intercept and the other levels of sex. */
  readonly female: boolean | null;
  /** A 0/1 integer outcome. */
  readonly relapse: number | null;
}

export const MODEL_COLUMNS: readonly WorkspaceColumn[] = [
  ...COLUMNS,
  { name: 'age_months', type: 'integer' },
  { name: 'female', type: 'boolean' },
  { name: 'relapse', type: 'integer' },
];

export const MODEL_TABLE: WorkspaceTable = { sqlName: '"ws_1"."cohort"', columns: MODEL_COLUMNS };

/**
 * Three nodes: a large one with every level; one where sex "other" never
 * occurs and nobody is 40 or older (a filter on age >= 40 leaves it no row);
 * and one with very few persons.
 */
const SHAPES = [
  { persons: 700, sexes: ['female', 'male', 'other'], ages: [18, 95] },
  { persons: 300, sexes: ['female', 'male'], ages: [18, 39] },
  { persons: 16, sexes: ['female', 'male', 'other'], ages: [18, 95] },
] as const;

export function modelNodes(seed: number): ModelRow[][] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const missingOr = <T>(share: number, value: T): T | null => (random() < share ? null : value);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const bernoulli = (logit: number) => random() < 1 / (1 + Math.exp(-logit));
  return SHAPES.map(({ persons, sexes, ages: [minAge, maxAge] }) =>
    Array.from({ length: persons }, () => {
      const sex = pick(sexes);
      const smoker = pick(['never', 'former', 'current']);
      const age = minAge + Math.floor(random() * (maxAge - minAge + 1));
      const bmi =
        21 +
        0.06 * age +
        (sex === 'male' ? 1.2 : sex === 'other' ? -0.7 : 0) +
        (smoker === 'current' ? 1 : smoker === 'former' ? 0.4 : 0) +
        3.5 * normal();
      const diabetes = bernoulli(
        -6.5 +
          0.045 * age +
          0.09 * bmi +
          (sex === 'male' ? 0.4 : 0) +
          (smoker === 'current' ? 0.5 : 0),
      );
      const relapse = bernoulli(-1.5 + 0.02 * age - (smoker === 'never' ? 0.6 : 0)) ? 1 : 0;
      const row = {
        sex: missingOr(0.02, sex),
        smoker: missingOr(0.04, smoker),
        diabetes: missingOr(0.03, diabetes),
        age: missingOr(0.02, age),
        bmi: missingOr(0.05, Math.round(bmi * 10) / 10),
        visit: null,
        relapse: missingOr(0.03, relapse),
      };
      return {
        ...row,
        age_months: row.age === null ? null : 12 * row.age,
        female: row.sex === null ? null : row.sex === 'female',
      };
    }),
  );
}

/** The value of a variable of a row. */
export const valueOf = (row: ModelRow, name: string): unknown => row[name as keyof ModelRow];

/** A person's outcome as a number (a boolean as 0 or 1). */
export const outcomeOf = (row: ModelRow, outcome: string): number => Number(valueOf(row, outcome));

/** A model written out by hand: its design columns' names and values, independently of the kinds. */
export interface HandModel {
  readonly input: Record<string, unknown>;
  readonly names: readonly string[];
  readonly encode: (row: ModelRow) => number[];
}

/** The rows the filters keep, split into complete cases of the variables and the others. */
export function casesOf(
  rows: readonly ModelRow[],
  filters: readonly Filter[],
  used: readonly string[],
): { kept: ModelRow[]; complete: ModelRow[] } {
  const kept = rows.filter((row) => passesAll(row, filters));
  return { kept, complete: kept.filter((row) => isComplete(row, used)) };
}

/** The variables a model uses: the outcome and each predictor's variables. */
export function usedBy(outcome: string, predictors: readonly string[]): string[] {
  return [...new Set([outcome, ...predictors.flatMap((term) => term.split(':'))])];
}

export const indicator = (condition: boolean): number => (condition ? 1 : 0);

/** The Gram matrix Σ wᵢ xᵢxᵢᵀ and the vector Σ wᵢ xᵢ zᵢ. */
export function weightedSums(
  xs: readonly (readonly number[])[],
  zs: readonly number[],
  ws: readonly number[] = xs.map(() => 1),
): { gram: number[][]; moment: number[] } {
  const p = xs[0].length;
  const gram = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const moment = new Array<number>(p).fill(0);
  xs.forEach((x, i) => {
    for (let j = 0; j < p; j++) {
      moment[j] += ws[i] * x[j] * zs[i];
      for (let k = 0; k < p; k++) gram[j][k] += ws[i] * x[j] * x[k];
    }
  });
  return { gram, moment };
}

/** A⁻¹ by Gauss–Jordan elimination with partial pivoting. */
export function invertByElimination(a: readonly (readonly number[])[]): number[][] {
  const p = a.length;
  const m = a.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const scale = m[col][col];
    for (let c = 0; c < 2 * p; c++) m[col][c] /= scale;
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const factor = m[r][col];
      for (let c = 0; c < 2 * p; c++) m[r][c] -= factor * m[col][c];
    }
  }
  return m.map((row) => row.slice(p));
}

export const times = (a: readonly (readonly number[])[], x: readonly number[]): number[] =>
  a.map((row) => row.reduce((s, value, k) => s + value * x[k], 0));

/** Whether actual is within `tolerance`, relative to expected (absolute near 0). */
export function expectRelative(actual: number | null, expected: number, tolerance = 1e-8): void {
  if (
    actual === null ||
    !(Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(expected), 1e-12))
  ) {
    throw new Error(`${actual} is not within ${tolerance} (relative) of ${expected}`);
  }
}
