import { z } from 'zod';
import { groupKeySchema } from '../../group-keys';

/** One node's counts per group it has rows in; without group variables, one cell with key []. */
export const countContributionSchema = z.strictObject({
  groupBy: z.array(z.string()),
  cells: z.array(z.strictObject({ key: groupKeySchema, count: z.int().nonnegative() })),
});

export type CountContribution = z.infer<typeof countContributionSchema>;
