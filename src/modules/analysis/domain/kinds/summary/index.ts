import type { AnalysisKindModule } from '../../analysis-kind';
import { withheldIfSmall } from '../../complete-cases';
import { columnOf } from '../../columns';
import { filterVariables, validateFilters } from '../../filters';
import { groupColumnsOf } from '../../group-keys';
import { distinctNames } from '../../identifier';
import { checkSummaries } from './check';
import { combineSummaries, type SummaryResult } from './combine';
import type { SummaryContribution, SummaryEvidence } from './contribution';
import { readSummaries, readSummaryEvidence, summaryQuery } from './local';
import { SUMMARISED_TYPES, type SummaryParams, summaryParamsSchema } from './params';

/** Mean, variance and standard deviation of a variable, overall or per group. */
export const summaryKind: AnalysisKindModule<
  SummaryParams,
  SummaryContribution,
  SummaryResult,
  undefined,
  SummaryEvidence
> = {
  name: 'summary',
  params: summaryParamsSchema,
  variables: (params) =>
    distinctNames([params.variable, ...params.groupBy, ...filterVariables(params.filters)]),
  validate(params, columns) {
    columnOf(columns, params.variable, SUMMARISED_TYPES, 'variable');
    groupColumnsOf(columns, params.groupBy);
    validateFilters(params.filters, columns);
  },
  local: summaryQuery,
  read: readSummaries,
  evidence: readSummaryEvidence,
  persons: (contribution) => contribution.groups.reduce((sum, group) => sum + group.n, 0),
  suppress: withheldIfSmall,
  check: checkSummaries,
  combine: (params, contributions, columns) => ({
    result: combineSummaries(params, contributions, columns),
  }),
};

export type { SummaryContribution, SummaryParams, SummaryResult };
