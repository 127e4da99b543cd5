import { Readable } from 'node:stream';
import { Transaction } from '../../../shared/transaction';
import { DataDictionary } from '../domain/data-dictionary';

/** A person-level CSV file on its way in: a header row, then one row per person. */
export interface CsvUpload {
  /** The file's name, for messages. */
  readonly name: string;
  /** The file's bytes from its header line on. */
  readonly content: Readable;
  /** Its size, when known, for progress. */
  readonly bytes?: number;
}

export type RegistrationProgress =
  | { readonly phase: 'load'; readonly bytes: number; readonly totalBytes?: number }
  | { readonly phase: 'check'; readonly rows: number }
  | { readonly phase: 'write'; readonly persons: number };

export interface LoadedFile {
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** The tables of datasets registered from files. */
export abstract class FlatDatasetStore {
  /** Lets one registration of dataset `id` at a time go on, until `tx` ends. */
  abstract lock(id: string, tx: Transaction): Promise<void>;

  /**
   * Stages the file, checks every value against the dictionary, and only if
   * all is well replaces the dataset's table (persons numbered by their
   * identifier); otherwise throws DATASET.INVALID naming file, line and
   * column, and changes nothing.
   */
  abstract replace(
    id: string,
    dictionary: DataDictionary,
    file: CsvUpload,
    tx: Transaction,
    onProgress: (progress: RegistrationProgress) => void,
  ): Promise<LoadedFile>;
}
