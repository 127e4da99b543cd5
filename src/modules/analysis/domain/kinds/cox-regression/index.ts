import type { AnalysisKindModule } from '../../analysis-kind';
import { withheldIfSmall } from '../../complete-cases';
import { modelVariables, withReferences } from '../../design/design';
import { validateFilters } from '../../filters';
import { distinctNames } from '../../identifier';
import { checkCoxRegression } from './check';
import { combineCoxRegression, type CoxRegressionResult } from './combine';
import type { CoxRegressionContribution } from './contribution';
import { coxDesignOf } from './cox-design';
import { coxRegressionQuery, readCoxRegression } from './local';
import { type CoxRegressionParams, coxRegressionParamsSchema, modelOf } from './params';
import {
  COX_MAX_ROUNDS,
  type CoxRegressionState,
  coxRegressionStateSchema,
  startState,
} from './state';

/**
 * Cox proportional hazards regression stratified by node, Breslow ties,
 * fitted by Newton–Raphson at the lead: each round every node returns its
 * log partial likelihood, gradient and information at the state's β.
 */
export const coxRegressionKind: AnalysisKindModule<
  CoxRegressionParams,
  CoxRegressionContribution,
  CoxRegressionResult,
  CoxRegressionState
> = {
  name: 'cox-regression',
  params: coxRegressionParamsSchema,
  rounds: {
    start: (params, columns) =>
      startState(coxDesignOf(params, columns).covariates.map((column) => column.name)),
    state: coxRegressionStateSchema,
    maxRounds: COX_MAX_ROUNDS,
  },
  fixDefaults: withReferences,
  variables: (params) => distinctNames([params.time, ...modelVariables(modelOf(params))]),
  validate(params, columns) {
    coxDesignOf(params, columns);
    validateFilters(params.filters, columns);
  },
  local: coxRegressionQuery,
  read: readCoxRegression,
  persons: (contribution) => contribution.n,
  suppress: withheldIfSmall,
  check: checkCoxRegression,
  combine: combineCoxRegression,
};

export type {
  CoxRegressionContribution,
  CoxRegressionParams,
  CoxRegressionResult,
  CoxRegressionState,
};
export type { CoxCoefficient } from './combine';
