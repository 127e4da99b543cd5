import type { VariableType } from '../../../../catalogue/domain/dataset';
import { type ModelParams, modelParamsSchema } from '../../design/model-params';

/** A boolean outcome, or an integer one whose values are 0 and 1. */
export const LOGISTIC_OUTCOME_TYPES: readonly VariableType[] = ['boolean', 'integer'];

/** `logit P(outcome) ~ predictors` by maximum likelihood. */
export const logisticRegressionParamsSchema = modelParamsSchema;

export type LogisticRegressionParams = ModelParams;
