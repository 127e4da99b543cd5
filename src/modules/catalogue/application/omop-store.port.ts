import { Readable } from 'node:stream';
import { Transaction } from '../../../shared/transaction';
import { OmopTableName } from '../domain/omop-tables';

/** One CSV file of an import: its table, its name for messages, its header and its rows. */
export interface OmopFile {
  readonly table: OmopTableName;
  readonly name: string;
  readonly header: readonly string[];
  /** The rows after the header line, as bytes. */
  readonly rows: () => Readable;
}

export type ImportProgress =
  | { readonly phase: 'load'; readonly file: string }
  | { readonly phase: 'check'; readonly file: string; readonly rows: number }
  | { readonly phase: 'write'; readonly table: OmopTableName; readonly rows: number }
  | { readonly phase: 'datasets'; readonly dataset: string; readonly persons: number };

/**
 * The node's OMOP CDM tables. `replaceAll` stages the files, checks every
 * row, and only if all is well replaces the tables' content; otherwise it
 * throws IMPORT.INVALID with the problems and changes nothing.
 */
export abstract class OmopStore {
  abstract replaceAll(
    files: readonly OmopFile[],
    tx: Transaction,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<Record<OmopTableName, number>>;
}
