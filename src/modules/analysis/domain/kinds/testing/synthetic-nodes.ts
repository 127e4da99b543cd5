// Test support only: synthetic persons spread over three nodes, and a plain
// JavaScript reading of the filters and of complete cases, to check each kind
// against the pooled rows.
import type {
  AnalysisKindModule,
  OutputRules,
  WorkspaceColumn,
  WorkspaceTable,
} from '../../analysis-kind';
import { ACRO_RULES } from '../../checks/strictest';
import type { Filter } from '../../filters';

export interface PersonRow {
  readonly sex: string | null;
  readonly smoker: string | null;
  readonly diabetes: boolean | null;
  readonly age: number | null;
  readonly bmi: number | null;
  readonly visit: string | null;
}

export const COLUMNS: readonly WorkspaceColumn[] = [
  { name: 'sex', type: 'category', levels: ['female', 'male', 'other'] },
  { name: 'smoker', type: 'category', levels: ['never', 'former', 'current'] },
  { name: 'diabetes', type: 'boolean' },
  { name: 'age', type: 'integer' },
  { name: 'bmi', type: 'number' },
  { name: 'visit', type: 'date' },
];

export const TABLE: WorkspaceTable = { sqlName: '"ws_1"."cohort"', columns: COLUMNS };

/** The output rules the specs release contributions under. */
export const RULES: OutputRules = ACRO_RULES;

/**
 * A contribution's number of persons left out, as given to `suppress`, and
 * as it may leave under RULES: withheld from 1 to the minimum count − 1.
 */
export const SUPPRESSION_CASES: readonly {
  readonly excluded: number | null;
  readonly released: number | null;
}[] = [
  { excluded: 0, released: 0 },
  { excluded: 1, released: null },
  { excluded: RULES.minCount - 1, released: null },
  { excluded: RULES.minCount, released: RULES.minCount },
  { excluded: 250, released: 250 },
  { excluded: null, released: null },
];

/** mulberry32: a small seeded generator, so every run draws the same rows. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface NodeShape {
  readonly persons: number;
  readonly sexes: readonly string[];
  readonly ages: readonly [number, number];
}

/**
 * Three nodes: one with every level; one where sex "other" never occurs; one
 * where nobody is 40 or older, so a filter on age >= 40 leaves it no rows.
 * BMI is rounded to halves and age is whole, so values fall on bin edges.
 */
export const NODE_SHAPES: readonly NodeShape[] = [
  { persons: 500, sexes: ['female', 'male', 'other'], ages: [18, 95] },
  { persons: 300, sexes: ['female', 'male'], ages: [18, 95] },
  { persons: 150, sexes: ['female', 'male', 'other'], ages: [18, 39] },
];

export function syntheticNodes(seed: number): PersonRow[][] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const missingOr = <T>(share: number, value: T): T | null => (random() < share ? null : value);
  return NODE_SHAPES.map(({ persons, sexes, ages: [minAge, maxAge] }) =>
    Array.from({ length: persons }, () => ({
      sex: missingOr(0.02, pick(sexes)),
      smoker: missingOr(0.05, pick(['never', 'former', 'current'])),
      diabetes: missingOr(0.05, random() < 0.2),
      age: missingOr(0.03, minAge + Math.floor(random() * (maxAge - minAge + 1))),
      bmi: missingOr(0.1, Math.round((12 + random() * 36) * 2) / 2),
      visit: missingOr(
        0.1,
        `20${15 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
      ),
    })),
  );
}

/** Whether a row passes a filter, with SQL's reading of missing values. */
export function passes(row: PersonRow, filter: Filter): boolean {
  const value = row[filter.variable as keyof PersonRow];
  switch (filter.op) {
    case 'is-missing':
      return value === null;
    case 'not-missing':
      return value !== null;
    case 'in':
      return value !== null && (filter.values as unknown[]).includes(value);
  }
  if (value === null) return false;
  const target = filter.value;
  switch (filter.op) {
    case 'eq':
      return value === target;
    case 'ne':
      return value !== target;
    case 'lt':
      return value < target;
    case 'le':
      return value <= target;
    case 'gt':
      return value > target;
    case 'ge':
      return value >= target;
  }
}

export function passesAll(row: PersonRow, filters: readonly Filter[]): boolean {
  return filters.every((filter) => passes(row, filter));
}

/** Whether a row has a value for every named variable: a complete case of an analysis using them. */
export function isComplete(row: PersonRow, variables: readonly string[]): boolean {
  return variables.every((name) => row[name as keyof PersonRow] !== null);
}

/** Whether a row has these values of the named variables. */
export function hasKey(
  row: PersonRow,
  groupBy: readonly string[],
  key: readonly (string | boolean | null)[],
): boolean {
  return groupBy.every((name, i) => row[name as keyof PersonRow] === key[i]);
}

/**
 * Every combination of the group variables' levels (false, true for a
 * boolean), the first variable varying slowest; [[]] without group variables.
 */
export function levelCombinations(groupBy: readonly string[]): (string | boolean)[][] {
  return groupBy.reduce<(string | boolean)[][]>(
    (keys, name) => {
      const column = COLUMNS.find((c) => c.name === name)!;
      const levels = column.type === 'boolean' ? [false, true] : column.levels!;
      return keys.flatMap((key) => levels.map((level) => [...key, level]));
    },
    [[]],
  );
}

/**
 * Per node, how many rows pass the filters but miss a variable the analysis
 * uses: the persons it leaves out.
 */
export function excludedAt(
  nodes: readonly (readonly PersonRow[])[],
  filters: readonly Filter[],
  used: readonly string[],
): number[] {
  return nodes.map(
    (rows) => rows.filter((row) => passesAll(row, filters) && !isComplete(row, used)).length,
  );
}

/** A node's number of persons left out as it may leave under RULES: null from 1 to minCount − 1. */
export function releasedUnderRules(excluded: number): number | null {
  return excluded > 0 && excluded < RULES.minCount ? null : excluded;
}

/**
 * Rows grouped by the values of the named variables, in first-seen order; as
 * in SQL's GROUP BY, rows missing a value form a group of their own.
 */
export function groupRows(
  rows: readonly PersonRow[],
  groupBy: readonly string[],
): { key: (string | boolean | null)[]; rows: PersonRow[] }[] {
  const groups = new Map<string, { key: (string | boolean | null)[]; rows: PersonRow[] }>();
  for (const row of rows) {
    const key = groupBy.map((name) => row[name as keyof PersonRow] as string | boolean | null);
    const id = JSON.stringify(key);
    if (!groups.has(id)) groups.set(id, { key, rows: [] });
    groups.get(id)!.rows.push(row);
  }
  return [...groups.values()];
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Whether two numbers agree to a relative 1e-9. */
export function relativelyClose(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-12);
}

/** A one-round kind as a spec calls it: no state, and combine giving the result itself. */
export function oneRound<P extends { dataset: string }, C, R, E = undefined>(
  kind: AnalysisKindModule<P, C, R, undefined, E>,
) {
  return {
    ...kind,
    local: (params: P, table: WorkspaceTable) => kind.local(params, table, undefined),
    read: (params: P, rows: readonly Record<string, unknown>[]) =>
      kind.read(params, rows, undefined),
    evidence: (params: P, rows: readonly Record<string, unknown>[]) =>
      kind.evidence?.(params, rows, undefined),
    combine(params: P, contributions: readonly C[], columns: readonly WorkspaceColumn[]): R {
      const combined = kind.combine(params, contributions, columns, undefined);
      if (!('result' in combined)) throw new Error(`${kind.name} asked for another round`);
      return combined.result;
    },
  };
}
