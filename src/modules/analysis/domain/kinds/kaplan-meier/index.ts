import type { AnalysisKindModule } from '../../analysis-kind';
import { columnOf } from '../../columns';
import { withheldIfSmall } from '../../complete-cases';
import { filterVariables, validateFilters } from '../../filters';
import { GROUP_TYPES } from '../../group-keys';
import { distinctNames } from '../../identifier';
import { checkKaplanMeier } from './check';
import { combineKaplanMeier, type KaplanMeierResult } from './combine';
import type { KaplanMeierContribution } from './contribution';
import { kaplanMeierQuery, readKaplanMeier } from './local';
import {
  EVENT_TYPES,
  type KaplanMeierParams,
  kaplanMeierParamsSchema,
  strataOf,
  SURVIVAL_TIME_TYPES,
} from './params';

/** Survival curves from binned risk sets, overall or per stratum, with Greenwood's variance. */
export const kaplanMeierKind: AnalysisKindModule<
  KaplanMeierParams,
  KaplanMeierContribution,
  KaplanMeierResult
> = {
  name: 'kaplan-meier',
  params: kaplanMeierParamsSchema,
  variables: (params) =>
    distinctNames([
      params.time,
      params.event,
      ...strataOf(params),
      ...filterVariables(params.filters),
    ]),
  validate(params, columns) {
    columnOf(columns, params.time, SURVIVAL_TIME_TYPES, 'time');
    columnOf(columns, params.event, EVENT_TYPES, 'event');
    strataOf(params).forEach((name) => columnOf(columns, name, GROUP_TYPES, 'strata'));
    validateFilters(params.filters, columns);
  },
  local: kaplanMeierQuery,
  read: readKaplanMeier,
  persons: (contribution) =>
    contribution.groups.reduce((sum, group) => sum + group.below + (group.atRisk[0] ?? 0), 0),
  suppress: withheldIfSmall,
  check: checkKaplanMeier,
  combine: (params, contributions, columns) => ({
    result: combineKaplanMeier(params, contributions, columns),
  }),
};

export type { KaplanMeierContribution, KaplanMeierParams, KaplanMeierResult };
export type { SurvivalBin, SurvivalCurve } from './combine';
