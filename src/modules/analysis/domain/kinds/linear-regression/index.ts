import type { AnalysisKindModule } from '../../analysis-kind';
import { withheldIfSmall } from '../../complete-cases';
import { modelVariables, validateModel, withReferences } from '../../design/design';
import { checkLinearRegression } from './check';
import { combineLinearRegression, type LinearRegressionResult } from './combine';
import type { LinearRegressionContribution } from './contribution';
import { linearRegressionQuery, readLinearRegression } from './local';
import {
  LINEAR_OUTCOME_TYPES,
  type LinearRegressionParams,
  linearRegressionParamsSchema,
} from './params';

/** Least-squares regression of an integer or number outcome, from the nodes' XᵀX, Xᵀy and yᵀy. */
export const linearRegressionKind: AnalysisKindModule<
  LinearRegressionParams,
  LinearRegressionContribution,
  LinearRegressionResult
> = {
  name: 'linear-regression',
  params: linearRegressionParamsSchema,
  fixDefaults: withReferences,
  variables: modelVariables,
  validate: (params, columns) => validateModel(params, columns, LINEAR_OUTCOME_TYPES),
  local: linearRegressionQuery,
  read: readLinearRegression,
  persons: (contribution) => contribution.n,
  suppress: withheldIfSmall,
  check: checkLinearRegression,
  combine: (params, contributions, columns) => ({
    result: combineLinearRegression(params, contributions, columns),
  }),
};

export type { LinearRegressionContribution, LinearRegressionParams, LinearRegressionResult };
