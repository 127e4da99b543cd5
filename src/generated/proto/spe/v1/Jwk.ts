// Original file: proto/spe/v1/peer_service.proto


/**
 * Jwk is a public JSON Web Key (RFC 7517, RFC 8037 for Ed25519).
 */
export interface Jwk {
  'kty'?: (string);
  'crv'?: (string);
  'x'?: (string);
  'kid'?: (string);
  'alg'?: (string);
  'use'?: (string);
}

/**
 * Jwk is a public JSON Web Key (RFC 7517, RFC 8037 for Ed25519).
 */
export interface Jwk__Output {
  'kty': (string);
  'crv': (string);
  'x': (string);
  'kid': (string);
  'alg': (string);
  'use': (string);
}
