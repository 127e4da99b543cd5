import { z } from 'zod';
import type { VariableType } from '../../../../catalogue/domain/dataset';
import { filtersSchema } from '../../filters';
import { distinctIdentifiersSchema, identifierSchema } from '../../identifier';

export const SUMMARISED_TYPES: readonly VariableType[] = ['integer', 'number'];

export const summaryParamsSchema = z.strictObject({
  dataset: identifierSchema,
  /** An integer or number variable. */
  variable: identifierSchema,
  /** Up to two category or boolean variables: one summary per group. */
  groupBy: distinctIdentifiersSchema(2).default([]),
  filters: filtersSchema,
});

export type SummaryParams = z.infer<typeof summaryParamsSchema>;
