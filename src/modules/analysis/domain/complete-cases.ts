import { z } from 'zod';
import type { OutputRules } from './analysis-kind';

/**
 * Every kind analyses complete cases: a row missing any variable the
 * analysis uses (filters aside: a missing value satisfies no comparison) is
 * left out, and each node says how many it left out. A number under the
 * minimum count is withheld (null) rather than holding back the whole
 * analysis: it describes missingness, not the result.
 */
export const excludedSchema = z.int().nonnegative().nullable();

export interface WithExclusions {
  readonly excluded: number | null;
}

/** The contribution as it may leave: a small number of exclusions withheld. */
export function withheldIfSmall<C extends WithExclusions>(contribution: C, rules: OutputRules): C {
  const { excluded } = contribution;
  return excluded !== null && excluded > 0 && excluded < rules.minCount
    ? { ...contribution, excluded: null }
    : contribution;
}

/** The pooled exclusions: the sum of the numbers released, and how many nodes withheld theirs. */
export interface Exclusions {
  readonly count: number;
  /** Nodes whose number was between 1 and the minimum count − 1, so not released. */
  readonly withheldAt: number;
}

export function pooledExclusions(contributions: readonly WithExclusions[]): Exclusions {
  return {
    count: contributions.reduce((sum, c) => sum + (c.excluded ?? 0), 0),
    withheldAt: contributions.filter((c) => c.excluded === null).length,
  };
}

/** Whether a group key has no missing value: otherwise its rows are no complete case. */
export function isCompleteKey(
  key: readonly (string | boolean | null)[],
): key is (string | boolean)[] {
  return key.every((value) => value !== null);
}
