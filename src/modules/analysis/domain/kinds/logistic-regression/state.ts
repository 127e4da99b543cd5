import { z } from 'zod';
import type { WorkspaceColumn } from '../../analysis-kind';
import { designOf, MAX_DESIGN_COLUMNS } from '../../design/design';
import { LOGISTIC_OUTCOME_TYPES, type LogisticRegressionParams } from './params';

/** The most Newton–Raphson updates, as R's glm.fit (maxit = 25). */
export const MAX_ITERATIONS = 25;

/**
 * The rounds a fit may take: the first evaluates β = 0, each further round
 * follows one update, so the last round evaluates the reported β.
 */
export const MAX_ROUNDS = MAX_ITERATIONS + 1;

/**
 * The state of a round, kept at the lead and sent to every node: the design
 * columns and the coefficients to evaluate there, the number of updates made
 * so far, and the deviance of the previous round (to judge convergence) and
 * of the intercept-only model (from the first round).
 */
export const logisticRegressionStateSchema = z
  .strictObject({
    columns: z.array(z.string()).min(1).max(MAX_DESIGN_COLUMNS),
    beta: z.array(z.number()).max(MAX_DESIGN_COLUMNS),
    iteration: z.int().min(0).max(MAX_ITERATIONS),
    deviance: z.number().nonnegative().nullable(),
    nullDeviance: z.number().nonnegative().nullable(),
  })
  .refine(
    ({ columns, beta }) => beta.length === columns.length,
    'beta must have one coefficient per design column',
  );

export type LogisticRegressionState = z.infer<typeof logisticRegressionStateSchema>;

/** The first round's state: every coefficient 0 (every fitted probability ½). */
export function startLogisticRegression(
  params: LogisticRegressionParams,
  columns: readonly WorkspaceColumn[],
): LogisticRegressionState {
  const names = designOf(params, columns, LOGISTIC_OUTCOME_TYPES).columns.map((c) => c.name);
  return {
    columns: names,
    beta: names.map(() => 0),
    iteration: 0,
    deviance: null,
    nullDeviance: null,
  };
}
