import { z } from 'zod';
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
});

export type SummaryContribution = z.infer<typeof summaryContributionSchema>;
