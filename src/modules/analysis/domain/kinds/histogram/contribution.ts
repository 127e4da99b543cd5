import { z } from 'zod';
import { excludedSchema } from '../../complete-cases';

const count = z.int().nonnegative();

/** One node's counts below the first edge, in each bin, and at or above the last edge. */
export const histogramContributionSchema = z.strictObject({
  variable: z.string(),
  edges: z.array(z.number()),
  below: count,
  counts: z.array(count),
  above: count,
  /** Rows missing the variable; null when withheld as fewer than the minimum count. */
  excluded: excludedSchema,
});

export type HistogramContribution = z.infer<typeof histogramContributionSchema>;
