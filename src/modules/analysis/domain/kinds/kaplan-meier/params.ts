import { z } from 'zod';
import type { VariableType } from '../../../../catalogue/domain/dataset';
import { filtersSchema } from '../../filters';
import { identifierSchema } from '../../identifier';

export const SURVIVAL_TIME_TYPES: readonly VariableType[] = ['integer', 'number'];
export const EVENT_TYPES: readonly VariableType[] = ['boolean'];

export const kaplanMeierParamsSchema = z.strictObject({
  dataset: identifierSchema,
  /** The follow-up time: an integer or number variable. */
  time: identifierSchema,
  /** A boolean variable: true where the time is an event's, false where it is censored. */
  event: identifierSchema,
  /**
   * The edges of the time bins; bin i is [bins[i], bins[i+1]). Survival is
   * estimated at the end of each bin; no exact time leaves a node.
   */
  bins: z
    .array(z.number())
    .min(2)
    .max(101)
    .refine(
      (edges) => edges.every((edge, i) => i === 0 || edges[i - 1] < edge),
      'bins must be strictly increasing',
    )
    .refine((edges) => edges[0] >= 0, 'the first bin edge must be 0 or more'),
  /** One category or boolean variable: one curve per level. */
  strata: identifierSchema.optional(),
  filters: filtersSchema,
});

export type KaplanMeierParams = z.infer<typeof kaplanMeierParamsSchema>;

/** The strata variable as a list of group variables (none or one). */
export function strataOf(params: KaplanMeierParams): string[] {
  return params.strata === undefined ? [] : [params.strata];
}
