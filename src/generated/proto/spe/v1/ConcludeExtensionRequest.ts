// Original file: proto/spe/v1/lifecycle_service.proto

import type { ExtensionOutcome as _spe_v1_ExtensionOutcome, ExtensionOutcome__Output as _spe_v1_ExtensionOutcome__Output } from '../../spe/v1/ExtensionOutcome';

export interface ConcludeExtensionRequest {
  'permitId'?: (string);
  'extensionId'?: (string);
  /**
   * GRANTED or REJECTED.
   */
  'outcome'?: (_spe_v1_ExtensionOutcome);
  /**
   * With GRANTED: the amended permit, JWS General JSON Serialization.
   */
  'permitJwsJson'?: (string);
}

export interface ConcludeExtensionRequest__Output {
  'permitId': (string);
  'extensionId': (string);
  /**
   * GRANTED or REJECTED.
   */
  'outcome': (_spe_v1_ExtensionOutcome__Output);
  /**
   * With GRANTED: the amended permit, JWS General JSON Serialization.
   */
  'permitJwsJson': (string);
}
