// Original file: proto/spe/v1/catalogue_service.proto

/**
 * DatasetOrigin says where a dataset's rows come from.
 */
export const DatasetOrigin = {
  /**
   * A peer that does not send it publishes only datasets derived from OMOP data.
   */
  DATASET_ORIGIN_UNSPECIFIED: 'DATASET_ORIGIN_UNSPECIFIED',
  /**
   * Derived by SQL from the HDAB's OMOP CDM data.
   */
  DATASET_ORIGIN_OMOP: 'DATASET_ORIGIN_OMOP',
  /**
   * Registered from a person-level CSV file checked against its data dictionary.
   */
  DATASET_ORIGIN_CSV: 'DATASET_ORIGIN_CSV',
} as const;

/**
 * DatasetOrigin says where a dataset's rows come from.
 */
export type DatasetOrigin =
  /**
   * A peer that does not send it publishes only datasets derived from OMOP data.
   */
  | 'DATASET_ORIGIN_UNSPECIFIED'
  | 0
  /**
   * Derived by SQL from the HDAB's OMOP CDM data.
   */
  | 'DATASET_ORIGIN_OMOP'
  | 1
  /**
   * Registered from a person-level CSV file checked against its data dictionary.
   */
  | 'DATASET_ORIGIN_CSV'
  | 2

/**
 * DatasetOrigin says where a dataset's rows come from.
 */
export type DatasetOrigin__Output = typeof DatasetOrigin[keyof typeof DatasetOrigin]
