import { Transaction } from '../../../shared/transaction';
import { Dataset, DatasetDefinition } from '../domain/dataset';

/** Analysis datasets: their register and their materialised person-level tables. */
export abstract class DatasetStore {
  /**
   * (Re)builds the dataset's table from its SQL and checks it (one row per
   * person, values within their types and levels); returns the persons.
   * Throws DATASET.INVALID, leaving the previous table in place.
   */
  abstract materialize(definition: DatasetDefinition, tx: Transaction): Promise<number>;
  abstract save(dataset: Dataset, tx: Transaction): Promise<void>;
  abstract list(tx?: Transaction): Promise<Dataset[]>;
}
