// Original file: proto/spe/v1/permit_service.proto

import type { PermitChange as _spe_v1_PermitChange, PermitChange__Output as _spe_v1_PermitChange__Output } from '../../spe/v1/PermitChange';

export interface ChangePermitStatusRequest {
  'permitId'?: (string);
  'change'?: (_spe_v1_PermitChange);
  'reason'?: (string);
}

export interface ChangePermitStatusRequest__Output {
  'permitId': (string);
  'change': (_spe_v1_PermitChange__Output);
  'reason': (string);
}
