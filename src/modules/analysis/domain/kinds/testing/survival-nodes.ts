// Test support only: synthetic follow-up of persons at three nodes, for the
// survival kinds, read with the same plain JavaScript filters as the others.
import type { WorkspaceColumn, WorkspaceTable } from '../../analysis-kind';
import type { Filter } from '../../filters';
import { passesAll, type PersonRow, seededRandom } from './synthetic-nodes';

export interface SurvivalRow {
  readonly sex: string | null;
  readonly smoker: string | null;
  readonly diabetes: boolean | null;
  readonly age: number | null;
  readonly bmi: number | null;
  /** Whole days to the event or censoring: many persons share a day. */
  readonly days: number | null;
  /** The same time in months, to one decimal. */
  readonly months: number | null;
  /** true: the time is a death's; false: censored. */
  readonly died: boolean | null;
}

export const SURVIVAL_COLUMNS: readonly WorkspaceColumn[] = [
  { name: 'sex', type: 'category', levels: ['female', 'male', 'other'] },
  { name: 'smoker', type: 'category', levels: ['never', 'former', 'current'] },
  { name: 'diabetes', type: 'boolean' },
  { name: 'age', type: 'integer' },
  { name: 'bmi', type: 'number' },
  { name: 'days', type: 'integer' },
  { name: 'months', type: 'number' },
  { name: 'died', type: 'boolean' },
  { name: 'visit', type: 'date' },
];

export const SURVIVAL_TABLE: WorkspaceTable = {
  sqlName: '"ws_1"."followup"',
  columns: SURVIVAL_COLUMNS,
};

interface SurvivalNodeShape {
  readonly persons: number;
  readonly sexes: readonly string[];
  readonly ages: readonly [number, number];
  /** The node's baseline hazard per day: each node has its own. */
  readonly hazard: number;
}

/**
 * Three nodes: a large one with every level; one where sex "other" never
 * occurs; and one with very few persons, nobody 40 or older, so a filter on
 * age >= 40 leaves it no rows.
 */
export const SURVIVAL_NODE_SHAPES: readonly SurvivalNodeShape[] = [
  { persons: 420, sexes: ['female', 'male', 'other'], ages: [30, 90], hazard: 0.0009 },
  { persons: 260, sexes: ['female', 'male'], ages: [30, 90], hazard: 0.0015 },
  { persons: 14, sexes: ['female', 'male', 'other'], ages: [18, 39], hazard: 0.002 },
];

/** The log hazard ratios the times are drawn with. */
const EFFECTS = { age: 0.03, diabetes: 0.5, former: 0.2, current: 0.45, female: -0.3, bmi: 0.02 };

export function survivalNodes(seed: number): SurvivalRow[][] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const missingOr = <T>(share: number, value: T): T | null => (random() < share ? null : value);
  return SURVIVAL_NODE_SHAPES.map(({ persons, sexes, ages: [minAge, maxAge], hazard }) =>
    Array.from({ length: persons }, () => {
      const sex = pick(sexes);
      const smoker = pick(['never', 'former', 'current']);
      const diabetes = random() < 0.25;
      const age = minAge + Math.floor(random() * (maxAge - minAge + 1));
      const bmi = Math.round((18 + random() * 20) * 2) / 2;
      const risk = Math.exp(
        EFFECTS.age * (age - 60) +
          (diabetes ? EFFECTS.diabetes : 0) +
          (smoker === 'former' ? EFFECTS.former : smoker === 'current' ? EFFECTS.current : 0) +
          (sex === 'female' ? EFFECTS.female : 0) +
          EFFECTS.bmi * (bmi - 27),
      );
      const death = Math.ceil(-Math.log(1 - random()) / (hazard * risk));
      // Censored at a random day, and at the end of the study (1,500 days) at the latest.
      const censoring = Math.min(1500, 1 + Math.floor(random() * 2200));
      const days = Math.min(death, censoring);
      return {
        sex: missingOr(0.02, sex),
        smoker: missingOr(0.03, smoker),
        diabetes: missingOr(0.03, diabetes),
        age: missingOr(0.02, age),
        bmi: missingOr(0.04, bmi),
        days: missingOr(0.03, days),
        months: missingOr(0.03, Math.round((days / 30.4375) * 10) / 10),
        died: missingOr(0.03, death <= censoring),
      };
    }),
  );
}

/** Whether a row passes every filter, with SQL's reading of missing values. */
export function keeps(row: SurvivalRow, filters: readonly Filter[]): boolean {
  return passesAll(row as unknown as PersonRow, filters);
}

export function valueOf(row: SurvivalRow, name: string): string | number | boolean | null {
  return row[name as keyof SurvivalRow];
}
