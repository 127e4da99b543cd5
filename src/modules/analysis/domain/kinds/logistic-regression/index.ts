import type { AnalysisKindModule } from '../../analysis-kind';
import { withheldIfSmall } from '../../complete-cases';
import { modelVariables, validateModel, withReferences } from '../../design/design';
import { checkLogisticRegression } from './check';
import { combineLogisticRegression, type LogisticRegressionResult } from './combine';
import type { LogisticRegressionContribution } from './contribution';
import { logisticRegressionQuery, readLogisticRegression } from './local';
import {
  LOGISTIC_OUTCOME_TYPES,
  type LogisticRegressionParams,
  logisticRegressionParamsSchema,
} from './params';
import {
  type LogisticRegressionState,
  logisticRegressionStateSchema,
  MAX_ROUNDS,
  startLogisticRegression,
} from './state';

/**
 * Logistic regression of a boolean (or 0/1 integer) outcome by
 * Newton–Raphson at the lead: each round every node returns its gradient,
 * information matrix and log-likelihood at the lead's coefficients.
 */
export const logisticRegressionKind: AnalysisKindModule<
  LogisticRegressionParams,
  LogisticRegressionContribution,
  LogisticRegressionResult,
  LogisticRegressionState
> = {
  name: 'logistic-regression',
  params: logisticRegressionParamsSchema,
  rounds: {
    start: startLogisticRegression,
    state: logisticRegressionStateSchema,
    maxRounds: MAX_ROUNDS,
  },
  fixDefaults: withReferences,
  variables: modelVariables,
  validate: (params, columns) => validateModel(params, columns, LOGISTIC_OUTCOME_TYPES),
  local: logisticRegressionQuery,
  read: readLogisticRegression,
  persons: (contribution) => contribution.n,
  suppress: withheldIfSmall,
  check: checkLogisticRegression,
  combine: combineLogisticRegression,
};

export type {
  LogisticRegressionContribution,
  LogisticRegressionParams,
  LogisticRegressionResult,
  LogisticRegressionState,
};
