/** A person-level analysis dataset, derived by SQL from the node's source data. */
export const VARIABLE_TYPES = ['integer', 'number', 'boolean', 'date', 'category'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export interface DatasetVariable {
  readonly name: string;
  readonly type: VariableType;
  readonly description: string;
  readonly unit?: string;
  /** The levels of a category, in their natural order. */
  readonly levels?: readonly string[];
}

export interface DatasetDefinition {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly keywords: readonly string[];
  /** A SELECT returning one row per person: person_id and one column per variable. */
  readonly sql: string;
  readonly variables: readonly DatasetVariable[];
}

export interface Dataset extends DatasetDefinition {
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
    ...(count !== undefined ? { numberOfRecords: count } : {}),
    variables: dataset.variables,
    refreshedAt: dataset.refreshedAt.toISOString(),
  };
}
