import { z } from 'zod';
import { filtersSchema } from '../../filters';
import { identifierSchema } from '../../identifier';
import { type ModelParams, modelParamsSchema } from '../../design/model-params';

/**
 * A proportional hazards model of the time to an event, stratified by node
 * (each node its own baseline hazard, the coefficients shared), with
 * Breslow's handling of tied times. No intercept: the baseline hazard has it.
 */
export const coxRegressionParamsSchema = z.strictObject({
  dataset: identifierSchema,
  /** The follow-up time: an integer or number variable. */
  time: identifierSchema,
  /** A boolean variable: true where the time is an event's, false where it is censored. */
  event: identifierSchema,
  /** Variables, or interactions `a:b` of two variables, as the regression kinds take them; at least one. */
  predictors: modelParamsSchema.shape.predictors.min(1),
  /** Per category predictor, the level its dummies are against; else its first level. */
  reference: modelParamsSchema.shape.reference,
  filters: filtersSchema,
});

export type CoxRegressionParams = z.infer<typeof coxRegressionParamsSchema>;

/**
 * The model as the design builder takes it: the event stands as its outcome
 * (so a row missing it is no complete case, and it may not be a predictor).
 */
export function modelOf(params: CoxRegressionParams): ModelParams {
  return {
    dataset: params.dataset,
    outcome: params.event,
    predictors: params.predictors,
    reference: params.reference,
    filters: params.filters,
  };
}
