import { z } from 'zod';
import { filtersSchema } from '../../filters';
import { distinctIdentifiersSchema, identifierSchema } from '../../identifier';

export const countParamsSchema = z.strictObject({
  dataset: identifierSchema,
  /** Up to three category or boolean variables: a contingency table; none: one total. */
  groupBy: distinctIdentifiersSchema(3).default([]),
  filters: filtersSchema,
});

export type CountParams = z.infer<typeof countParamsSchema>;
