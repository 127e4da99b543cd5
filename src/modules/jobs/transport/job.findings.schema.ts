import { z } from 'zod';
import { OUTPUT_RULES } from '../../analysis/domain/analysis-kind';

/** Findings as they travel between nodes: rule, cell, threshold, outcome; never a value. */
export const gateFindingsSchema = z
  .array(
    z.object({
      rule: z.enum(OUTPUT_RULES),
      cell: z.string().max(1000),
      threshold: z.number(),
      outcome: z.enum(['review', 'fail']),
    }),
  )
  .max(10_000);
