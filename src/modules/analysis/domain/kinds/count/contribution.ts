import { z } from 'zod';
import { excludedSchema } from '../../complete-cases';
import { groupKeySchema } from '../../group-keys';

/**
 * One node's counts per group it has rows in; without group variables, one
 * cell with key []. A count is null where the node suppressed the cell.
 */
export const countContributionSchema = z.strictObject({
  groupBy: z.array(z.string()),
  cells: z.array(z.strictObject({ key: groupKeySchema, count: z.int().nonnegative().nullable() })),
  /** Rows missing a group variable; null when withheld as fewer than the minimum count. */
  excluded: excludedSchema,
});

export type CountContribution = z.infer<typeof countContributionSchema>;
