// Original file: proto/spe/v1/catalogue_service.proto

import type { Variable as _spe_v1_Variable, Variable__Output as _spe_v1_Variable__Output } from '../../spe/v1/Variable';
import type { DatasetOrigin as _spe_v1_DatasetOrigin, DatasetOrigin__Output as _spe_v1_DatasetOrigin__Output } from '../../spe/v1/DatasetOrigin';
import type { Long } from '@grpc/proto-loader';

/**
 * Dataset is one person-level analysis dataset with its data dictionary.
 */
export interface Dataset {
  'id'?: (string);
  'title'?: (string);
  'description'?: (string);
  'keywords'?: (string)[];
  /**
   * Persons, rounded (see the catalogue's rounding rule); 0 when withheld.
   */
  'numberOfRecordsRounded'?: (number | string | Long);
  'variables'?: (_spe_v1_Variable)[];
  /**
   * RFC 3339 time of the last refresh of the dataset from the source data.
   */
  'refreshedAt'?: (string);
  /**
   * The version the HDAB gave a dataset registered from a file; empty for derived datasets.
   */
  'version'?: (string);
  'origin'?: (_spe_v1_DatasetOrigin);
}

/**
 * Dataset is one person-level analysis dataset with its data dictionary.
 */
export interface Dataset__Output {
  'id': (string);
  'title': (string);
  'description': (string);
  'keywords': (string)[];
  /**
   * Persons, rounded (see the catalogue's rounding rule); 0 when withheld.
   */
  'numberOfRecordsRounded': (string);
  'variables': (_spe_v1_Variable__Output)[];
  /**
   * RFC 3339 time of the last refresh of the dataset from the source data.
   */
  'refreshedAt': (string);
  /**
   * The version the HDAB gave a dataset registered from a file; empty for derived datasets.
   */
  'version': (string);
  'origin': (_spe_v1_DatasetOrigin__Output);
}
