// Original file: proto/spe/v1/permit_service.proto


export interface SignPermitResponse {
  /**
   * The JWS protected header, base64url.
   */
  'protected'?: (string);
  /**
   * The JWS signature, base64url.
   */
  'signature'?: (string);
}

export interface SignPermitResponse__Output {
  /**
   * The JWS protected header, base64url.
   */
  'protected': (string);
  /**
   * The JWS signature, base64url.
   */
  'signature': (string);
}
