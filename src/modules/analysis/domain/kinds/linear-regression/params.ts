import type { VariableType } from '../../../../catalogue/domain/dataset';
import { type ModelParams, modelParamsSchema } from '../../design/model-params';

export const LINEAR_OUTCOME_TYPES: readonly VariableType[] = ['integer', 'number'];

/** `outcome ~ predictors` by least squares; the outcome an integer or number variable. */
export const linearRegressionParamsSchema = modelParamsSchema;

export type LinearRegressionParams = ModelParams;
