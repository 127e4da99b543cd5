import type { Finding, OutputRules } from '../../analysis/domain/analysis-kind';
import { subsetFindings } from '../../analysis/domain/checks/subset';
import type { Filter } from '../../analysis/domain/filters';
import type { PopulationCounts } from '../../analysis/domain/population-sql';

/** A population a released output of a permit described: its dataset's rows the filters keep. */
export interface ReleasedPopulation {
  /** The first job whose output described it. */
  readonly jobId: string;
  readonly filters: readonly Filter[];
}

/**
 * The checks on an output's population: when filtered, the subset and its
 * complement 0 or at least the minimum; and, against every population
 * released before under the permit, a difference of fewer than the minimum
 * persons (but some) for review, naming the earlier job, since the two
 * outputs side by side would describe those few persons.
 */
export function populationFindings(
  counts: PopulationCounts,
  filtered: boolean,
  earlier: readonly ReleasedPopulation[],
  rules: OutputRules,
): Finding[] {
  const differencing = earlier.flatMap((population, i): Finding[] => {
    const persons = counts.differences[i];
    return persons > 0 && persons < rules.minCount
      ? [
          {
            rule: 'differencing',
            cell: `population of job ${population.jobId}`,
            value: persons,
            threshold: rules.minCount,
          },
        ]
      : [];
  });
  return [...(filtered ? subsetFindings(counts, rules) : []), ...differencing];
}
