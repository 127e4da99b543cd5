import { z } from 'zod';
import type { OutputRules } from '../analysis-kind';

/** A node's output rules as they travel between nodes, bounded as the configuration bounds them. */
export const outputRulesSchema = z.strictObject({
  minCount: z.int().min(3).max(1000),
  zerosReview: z.boolean(),
  dominanceK: z.number().gt(0).max(1),
  pRatio: z.number().min(0).max(1),
  minResidualDf: z.int().min(1).max(1000),
  survivalMinEvents: z.int().min(1).max(1000),
  maxLevels: z.int().min(2).max(1000),
}) satisfies z.ZodType<OutputRules>;
