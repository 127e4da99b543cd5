import type { AnalysisKindModule } from '../../analysis-kind';
import { withheldIfSmall } from '../../complete-cases';
import { columnOf } from '../../columns';
import { filterVariables, validateFilters } from '../../filters';
import { distinctNames } from '../../identifier';
import { checkHistogram } from './check';
import { combineHistograms, type HistogramResult } from './combine';
import type { HistogramContribution } from './contribution';
import { histogramQuery, readHistogram } from './local';
import { BINNED_TYPES, type HistogramParams, histogramParamsSchema } from './params';

/** Counts of a variable's values in given bins, and quantiles estimated from them. */
export const histogramKind: AnalysisKindModule<
  HistogramParams,
  HistogramContribution,
  HistogramResult
> = {
  name: 'histogram',
  params: histogramParamsSchema,
  variables: (params) => distinctNames([params.variable, ...filterVariables(params.filters)]),
  validate(params, columns) {
    columnOf(columns, params.variable, BINNED_TYPES, 'variable');
    validateFilters(params.filters, columns);
  },
  local: histogramQuery,
  read: readHistogram,
  persons: ({ below, counts, above }) =>
    below + counts.reduce((sum, count) => sum + count, 0) + above,
  suppress: withheldIfSmall,
  check: checkHistogram,
  combine: (params, contributions) => ({ result: combineHistograms(params, contributions) }),
};

export type { HistogramContribution, HistogramParams, HistogramResult };
