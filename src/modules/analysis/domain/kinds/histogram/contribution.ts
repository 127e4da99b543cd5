import { z } from 'zod';

const count = z.int().nonnegative();

/** One node's counts below the first edge, in each bin, and at or above the last edge. */
export const histogramContributionSchema = z.strictObject({
  variable: z.string(),
  edges: z.array(z.number()),
  below: count,
  counts: z.array(count),
  above: count,
});

export type HistogramContribution = z.infer<typeof histogramContributionSchema>;
