import { DomainError } from '../../../../../shared/errors';
import type { WorkspaceColumn } from '../../analysis-kind';
import { columnOf } from '../../columns';
import { type Design, type DesignColumn, designOf, INTERCEPT } from '../../design/design';
import { termVariables } from '../../design/model-params';
import { EVENT_TYPES, SURVIVAL_TIME_TYPES } from '../kaplan-meier/params';
import { type CoxRegressionParams, modelOf } from './params';

/** The name the time goes by in the rows' design: never a design column's name. */
const TIME_COLUMN = '(time)';

export interface CoxDesign {
  /** The model's design columns: the design builder's, without the intercept. */
  readonly covariates: readonly DesignColumn[];
  /**
   * The design of the statement's rows: the time as x0 (where a regression
   * has its intercept), the covariates as x1, x2, …, the event as y; a row
   * missing any of them is no complete case.
   */
  readonly rows: Design;
}

/** Checks the time, the event and the predictors against the columns and codes the design. */
export function coxDesignOf(
  params: CoxRegressionParams,
  columns: readonly WorkspaceColumn[],
): CoxDesign {
  columnOf(columns, params.time, SURVIVAL_TIME_TYPES, 'time');
  columnOf(columns, params.event, EVENT_TYPES, 'event');
  const predictorVariables = params.predictors.flatMap(termVariables);
  for (const [role, name] of [
    ['time', params.time],
    ['event', params.event],
  ] as const) {
    if (predictorVariables.includes(name)) {
      throw new DomainError(
        'ANALYSIS.INVALID_PARAMS',
        `The ${role} ${name} cannot also be a predictor`,
        { variable: name },
      );
    }
  }
  const design = designOf(modelOf(params), columns, EVENT_TYPES);
  const covariates = design.columns.filter((column) => column.name !== INTERCEPT);
  return {
    covariates,
    rows: {
      outcome: design.outcome,
      variables: [...design.variables, params.time],
      columns: [
        { name: TIME_COLUMN, factors: [{ kind: 'number', variable: params.time }] },
        ...covariates,
      ],
    },
  };
}
