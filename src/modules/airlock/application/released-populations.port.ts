import { Transaction } from '../../../shared/transaction';
import type { Filter } from '../../analysis/domain/filters';
import type { ReleasedPopulation } from '../domain/population.rules';

/** What this node remembers of the populations its released outputs described, per permit and dataset. */
export abstract class ReleasedPopulations {
  /** In the order they were first released. */
  abstract of(permitId: string, dataset: string): Promise<ReleasedPopulation[]>;
  /** Remembers a population unless it is remembered already (by its filters). */
  abstract remember(
    permitId: string,
    dataset: string,
    filters: readonly Filter[],
    jobId: string,
    now: Date,
    tx: Transaction,
  ): Promise<void>;
}
