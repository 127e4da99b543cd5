import { z } from 'zod';
import { excludedSchema } from '../../complete-cases';
import { MAX_DESIGN_COLUMNS } from '../../design/design';
import { packedLength } from '../../design/pooling';

const count = z.int().nonnegative();

/**
 * One node's partial likelihood at the round's coefficients, over its
 * complete cases with the node's own risk sets: the log partial likelihood,
 * its gradient (the score) and the information (minus the Hessian, its upper
 * triangle row by row), for the design columns the node codes.
 */
export const coxRegressionContributionSchema = z
  .strictObject({
    columns: z
      .array(z.string())
      .min(1)
      .max(MAX_DESIGN_COLUMNS - 1),
    /** The round's iteration, as the state the node ran with says. */
    iteration: count,
    n: count,
    events: count,
    logLikelihood: z.number(),
    gradient: z.array(z.number()),
    information: z.array(z.number()),
    /** Rows missing the time, the event or a predictor; null when withheld as fewer than the minimum count. */
    excluded: excludedSchema,
  })
  .refine(
    ({ columns, gradient, information }) =>
      gradient.length === columns.length && information.length === packedLength(columns.length),
    'gradient and information must have one entry per column and per column pair',
  )
  .refine(({ n, events }) => events <= n, 'events cannot be more than n');

export type CoxRegressionContribution = z.infer<typeof coxRegressionContributionSchema>;
