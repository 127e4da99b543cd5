/**
 * A person-level analysis dataset: derived by SQL from the node's OMOP data,
 * or registered by the HDAB from a flat file with its data dictionary.
 */
export const VARIABLE_TYPES = ['integer', 'number', 'boolean', 'date', 'category'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export interface DatasetVariable {
  readonly name: string;
  readonly type: VariableType;
  readonly description: string;
  readonly unit?: string;
  /** The levels of a category, in their natural order. */
  readonly levels?: readonly string[];
  /** Every person has a value: the dataset's dictionary forbids missing values (else unknown). */
  readonly required?: boolean;
}

export interface DatasetDescription {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly variables: readonly DatasetVariable[];
}

/** A dataset derived from the node's OMOP data. */
export interface DatasetDefinition extends DatasetDescription {
  /** A SELECT returning one row per person: person_id and one column per variable. */
  readonly sql: string;
}

export const DATASET_ORIGINS = ['omop', 'csv'] as const;
export type DatasetOriginKind = (typeof DATASET_ORIGINS)[number];

/** Where a dataset's rows come from. */
export type DatasetOrigin =
  | { readonly kind: 'omop'; readonly sql: string }
  | {
      readonly kind: 'csv';
      /** The registered file's name, size and SHA-256, and the column that identified persons. */
      readonly file: string;
      readonly bytes: number;
      readonly sha256: string;
      readonly identifier: string;
    };

export interface Dataset extends DatasetDescription {
  readonly origin: DatasetOrigin;
  /** The version the HDAB gave a registered file; derived datasets follow their source and have none. */
  readonly version?: string;
  readonly personCount: number;
  readonly definedAt: Date;
  readonly refreshedAt: Date;
}

/** What the catalogue says of a dataset: no SQL, no exact count. */
export interface PublishedDataset {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly origin: DatasetOriginKind;
  readonly version?: string;
  readonly numberOfRecords?: number;
  readonly variables: readonly DatasetVariable[];
  readonly refreshedAt: string;
}

/** Counts are published rounded to this, and withheld below it, so no small count shows. */
export const PUBLISHED_COUNT_UNIT = 100;

export function publishedCount(personCount: number): number | undefined {
  if (personCount < PUBLISHED_COUNT_UNIT) return undefined;
  return Math.round(personCount / PUBLISHED_COUNT_UNIT) * PUBLISHED_COUNT_UNIT;
}

export function publish(dataset: Dataset): PublishedDataset {
  const count = publishedCount(dataset.personCount);
  return {
    id: dataset.id,
    title: dataset.title,
    description: dataset.description,
    keywords: dataset.keywords,
    origin: dataset.origin.kind,
    ...(dataset.version !== undefined ? { version: dataset.version } : {}),
    ...(count !== undefined ? { numberOfRecords: count } : {}),
    variables: dataset.variables,
    refreshedAt: dataset.refreshedAt.toISOString(),
  };
}
