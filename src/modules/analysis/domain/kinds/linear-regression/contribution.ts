import { z } from 'zod';
import { excludedSchema } from '../../complete-cases';
import { INTERCEPT, MAX_DESIGN_COLUMNS } from '../../design/design';
import { packedLength } from '../../design/pooling';

/**
 * One node's sufficient statistics of a least-squares fit over its complete
 * cases: n, XᵀX (its upper triangle, row by row), Xᵀy and yᵀy, for the
 * design columns it names (the intercept first).
 */
export const linearRegressionContributionSchema = z
  .strictObject({
    columns: z.array(z.string()).min(1).max(MAX_DESIGN_COLUMNS),
    n: z.int().nonnegative(),
    xtx: z.array(z.number()),
    xty: z.array(z.number()),
    yty: z.number().nonnegative(),
    /** Rows missing the outcome or a predictor; null when withheld as fewer than the minimum count. */
    excluded: excludedSchema,
  })
  .refine(
    ({ columns, xtx, xty }) =>
      xtx.length === packedLength(columns.length) && xty.length === columns.length,
    'xtx and xty must have one entry per column pair and per column',
  )
  .refine(
    ({ columns, n, xtx }) => columns[0] === INTERCEPT && xtx[0] === n,
    'the first column is the intercept, whose square sum is n',
  );

export type LinearRegressionContribution = z.infer<typeof linearRegressionContributionSchema>;
