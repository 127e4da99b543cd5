import { Transaction } from '../../../shared/transaction';
import { DataDictionary } from '../domain/data-dictionary';

/** A dictionary sent for a version whose file has not arrived yet (the REST API's first step). */
export interface DictionaryDraft {
  readonly datasetId: string;
  readonly version: string;
  readonly dictionary: DataDictionary;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export abstract class DictionaryDrafts {
  /** Saves the draft, replacing one for the same dataset and version. */
  abstract save(draft: DictionaryDraft, tx: Transaction): Promise<void>;
  abstract get(
    datasetId: string,
    version: string,
    tx?: Transaction,
  ): Promise<DictionaryDraft | undefined>;
  abstract delete(datasetId: string, version: string, tx: Transaction): Promise<void>;
}
