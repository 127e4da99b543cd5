import { z } from 'zod';
import type { GroupValue } from './group-keys';

/** Contributions come from other nodes, so each is checked against its kind's shape before use. */
export function parseContributions<C>(
  schema: z.ZodType<C>,
  contributions: readonly unknown[],
  kind: string,
): C[] {
  return contributions.map((contribution, i) => {
    const parsed = schema.safeParse(contribution);
    if (!parsed.success) {
      throw new Error(
        `The ${kind} contribution ${i + 1} is malformed: ${z.prettifyError(parsed.error)}`,
      );
    }
    return parsed.data;
  });
}

export function assertContribution(condition: boolean, kind: string, problem: string): void {
  if (!condition) throw new Error(`A ${kind} contribution ${problem}`);
}

/** A grouped contribution answers the same grouping as the parameters ask for. */
export function assertGroupedBy(
  contribution: { readonly groupBy: readonly string[] },
  keys: readonly (readonly GroupValue[])[],
  groupBy: readonly string[],
  kind: string,
): void {
  assertContribution(
    sameValues(contribution.groupBy, groupBy) && keys.every((key) => key.length === groupBy.length),
    kind,
    `is not grouped by ${groupBy.join(', ') || 'nothing'}`,
  );
}

export function sameValues<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
