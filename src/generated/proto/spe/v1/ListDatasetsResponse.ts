// Original file: proto/spe/v1/catalogue_service.proto

import type { Dataset as _spe_v1_Dataset, Dataset__Output as _spe_v1_Dataset__Output } from '../../spe/v1/Dataset';

export interface ListDatasetsResponse {
  /**
   * The publishing node and its HDAB.
   */
  'nodeId'?: (string);
  'country'?: (string);
  'hdabName'?: (string);
  'contactEmail'?: (string);
  'datasets'?: (_spe_v1_Dataset)[];
}

export interface ListDatasetsResponse__Output {
  /**
   * The publishing node and its HDAB.
   */
  'nodeId': (string);
  'country': (string);
  'hdabName': (string);
  'contactEmail': (string);
  'datasets': (_spe_v1_Dataset__Output)[];
}
