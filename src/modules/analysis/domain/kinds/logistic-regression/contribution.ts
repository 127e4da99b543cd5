import { z } from 'zod';
import { excludedSchema } from '../../complete-cases';
import { INTERCEPT, MAX_DESIGN_COLUMNS } from '../../design/design';
import { packedLength } from '../../design/pooling';

/**
 * One node's part of a Newton–Raphson round at the state's β, over its
 * complete cases: n, the gradient Xᵀ(y − p) of the log-likelihood, the
 * information XᵀWX (W = p(1 − p); its upper triangle, row by row), the
 * log-likelihood, and how many fitted probabilities are numerically 0 or 1.
 */
export const logisticRegressionContributionSchema = z
  .strictObject({
    columns: z.array(z.string()).min(1).max(MAX_DESIGN_COLUMNS),
    /** The state's iteration this part answers. */
    iteration: z.int().nonnegative(),
    n: z.int().nonnegative(),
    gradient: z.array(z.number()),
    information: z.array(z.number()),
    logLikelihood: z.number().nonpositive(),
    /** Complete cases whose linear predictor is beyond ±30 (fitted p within 1e-13 of 0 or 1). */
    fittedAtBounds: z.int().nonnegative(),
    /** Rows missing the outcome or a predictor; null when withheld as fewer than the minimum count. */
    excluded: excludedSchema,
  })
  .refine(
    ({ columns, gradient, information }) =>
      information.length === packedLength(columns.length) && gradient.length === columns.length,
    'information and gradient must have one entry per column pair and per column',
  )
  .refine(({ columns }) => columns[0] === INTERCEPT, 'the first column is the intercept')
  .refine(({ n, fittedAtBounds }) => fittedAtBounds <= n, 'fittedAtBounds counts complete cases');

export type LogisticRegressionContribution = z.infer<typeof logisticRegressionContributionSchema>;
