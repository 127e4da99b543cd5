// Original file: proto/spe/v1/peer_service.proto

import type { ServingStatus as _spe_v1_ServingStatus, ServingStatus__Output as _spe_v1_ServingStatus__Output } from '../../spe/v1/ServingStatus';

export interface CheckHealthResponse {
  'status'?: (_spe_v1_ServingStatus);
  /**
   * Whether the node's database answered.
   */
  'databaseUp'?: (boolean);
}

export interface CheckHealthResponse__Output {
  'status': (_spe_v1_ServingStatus__Output);
  /**
   * Whether the node's database answered.
   */
  'databaseUp': (boolean);
}
