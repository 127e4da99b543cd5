import type { AnalysisKindModule } from '../../analysis-kind';
import { withheldIfSmall } from '../../complete-cases';
import { filterVariables, validateFilters } from '../../filters';
import { groupColumnsOf } from '../../group-keys';
import { distinctNames } from '../../identifier';
import { checkCounts } from './check';
import { combineCounts, type CountResult } from './combine';
import type { CountContribution } from './contribution';
import { readCounts, countQuery } from './local';
import { type CountParams, countParamsSchema } from './params';
import { suppressCells } from './suppress-cells';

/** Counts of persons, overall or as a contingency table of up to three variables. */
export const countKind: AnalysisKindModule<CountParams, CountContribution, CountResult> = {
  name: 'count',
  params: countParamsSchema,
  variables: (params) => distinctNames([...params.groupBy, ...filterVariables(params.filters)]),
  validate(params, columns) {
    groupColumnsOf(columns, params.groupBy);
    validateFilters(params.filters, columns);
  },
  local: countQuery,
  read: readCounts,
  persons: (contribution) => contribution.cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0),
  suppress: withheldIfSmall,
  check: checkCounts,
  suppressCells,
  combine: (params, contributions, columns) => ({
    result: combineCounts(params, contributions, columns),
  }),
};

export type { CountContribution, CountParams, CountResult };
