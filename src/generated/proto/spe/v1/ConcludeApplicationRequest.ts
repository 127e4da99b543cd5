// Original file: proto/spe/v1/permit_service.proto

import type { ApplicationOutcome as _spe_v1_ApplicationOutcome, ApplicationOutcome__Output as _spe_v1_ApplicationOutcome__Output } from '../../spe/v1/ApplicationOutcome';

export interface ConcludeApplicationRequest {
  'permitId'?: (string);
  'outcome'?: (_spe_v1_ApplicationOutcome);
  /**
   * The permit as a JWS in General JSON Serialization, when granted.
   */
  'permitJwsJson'?: (string);
  'reasons'?: (string)[];
}

export interface ConcludeApplicationRequest__Output {
  'permitId': (string);
  'outcome': (_spe_v1_ApplicationOutcome__Output);
  /**
   * The permit as a JWS in General JSON Serialization, when granted.
   */
  'permitJwsJson': (string);
  'reasons': (string)[];
}
