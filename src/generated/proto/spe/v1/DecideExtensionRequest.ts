// Original file: proto/spe/v1/lifecycle_service.proto

import type { ExtensionOutcome as _spe_v1_ExtensionOutcome, ExtensionOutcome__Output as _spe_v1_ExtensionOutcome__Output } from '../../spe/v1/ExtensionOutcome';

export interface DecideExtensionRequest {
  'permitId'?: (string);
  'extensionId'?: (string);
  /**
   * APPROVED or REJECTED.
   */
  'outcome'?: (_spe_v1_ExtensionOutcome);
  'reason'?: (string);
  /**
   * With an approval: the JWS signature (protected header and signature,
   * base64url) of the permit with the new end of validity.
   */
  'signatureProtected'?: (string);
  'signature'?: (string);
}

export interface DecideExtensionRequest__Output {
  'permitId': (string);
  'extensionId': (string);
  /**
   * APPROVED or REJECTED.
   */
  'outcome': (_spe_v1_ExtensionOutcome__Output);
  'reason': (string);
  /**
   * With an approval: the JWS signature (protected header and signature,
   * base64url) of the permit with the new end of validity.
   */
  'signatureProtected': (string);
  'signature': (string);
}
