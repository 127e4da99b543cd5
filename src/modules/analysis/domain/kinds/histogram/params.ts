import { z } from 'zod';
import type { VariableType } from '../../../../catalogue/domain/dataset';
import { filtersSchema } from '../../filters';
import { identifierSchema } from '../../identifier';

export const BINNED_TYPES: readonly VariableType[] = ['integer', 'number'];

export const histogramParamsSchema = z.strictObject({
  dataset: identifierSchema,
  /** An integer or number variable. */
  variable: identifierSchema,
  /** The bins' edges; each bin holds its left edge and not its right one. */
  edges: z
    .array(z.number())
    .min(2)
    .max(101)
    .refine(
      (edges) => edges.every((edge, i) => i === 0 || edges[i - 1] < edge),
      'edges must be strictly increasing',
    ),
  /** The quantiles to estimate from the pooled histogram. */
  quantiles: z.array(z.number().gt(0).lt(1)).max(20).default([0.25, 0.5, 0.75]),
  filters: filtersSchema,
});

export type HistogramParams = z.infer<typeof histogramParamsSchema>;
