import { z } from 'zod';
import { excludedSchema } from '../../complete-cases';
import { groupKeySchema } from '../../group-keys';

/**
 * One node's sufficient statistics per group: the number of values, their
 * mean and their sum of squared deviations from it (null when n is 0).
 */
export const summaryContributionSchema = z.strictObject({
  variable: z.string(),
  groupBy: z.array(z.string()),
  groups: z.array(
    z
      .strictObject({
        key: groupKeySchema,
        n: z.int().nonnegative(),
        mean: z.number().nullable(),
        m2: z.number().nonnegative().nullable(),
      })
      .refine(
        ({ n, mean, m2 }) => (n === 0) === (mean === null) && (n === 0) === (m2 === null),
        'mean and m2 are null exactly when n is 0',
      ),
  ),
  /** Rows missing the variable or a group variable; null when withheld as fewer than the minimum count. */
  excluded: excludedSchema,
});

export type SummaryContribution = z.infer<typeof summaryContributionSchema>;

/** Per group with values: its total and extreme values, for the dominance checks at this node only. */
export type SummaryEvidence = {
  readonly key: (string | boolean)[];
  readonly total: number;
  readonly largest: number;
  readonly second: number | null;
  readonly smallest: number;
}[];
