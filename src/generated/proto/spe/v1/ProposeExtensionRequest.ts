// Original file: proto/spe/v1/lifecycle_service.proto


export interface ProposeExtensionRequest {
  'permitId'?: (string);
  'extensionId'?: (string);
  /**
   * The new end of validity (RFC 3339).
   */
  'validUntil'?: (string);
  'reason'?: (string);
  /**
   * RFC 3339.
   */
  'requestedAt'?: (string);
}

export interface ProposeExtensionRequest__Output {
  'permitId': (string);
  'extensionId': (string);
  /**
   * The new end of validity (RFC 3339).
   */
  'validUntil': (string);
  'reason': (string);
  /**
   * RFC 3339.
   */
  'requestedAt': (string);
}
