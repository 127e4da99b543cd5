// Original file: proto/spe/v1/peer_service.proto

import type { Jwk as _spe_v1_Jwk, Jwk__Output as _spe_v1_Jwk__Output } from '../../spe/v1/Jwk';

export interface GetNodeInfoResponse {
  /**
   * The node id, as in the federation registry and the certificate SAN.
   */
  'nodeId'?: (string);
  /**
   * ISO 3166-1 alpha-2 country code of the node's HDAB.
   */
  'country'?: (string);
  /**
   * Software version of the node.
   */
  'version'?: (string);
  /**
   * The node's public signing keys (a JWK Set).
   */
  'signingKeys'?: (_spe_v1_Jwk)[];
}

export interface GetNodeInfoResponse__Output {
  /**
   * The node id, as in the federation registry and the certificate SAN.
   */
  'nodeId': (string);
  /**
   * ISO 3166-1 alpha-2 country code of the node's HDAB.
   */
  'country': (string);
  /**
   * Software version of the node.
   */
  'version': (string);
  /**
   * The node's public signing keys (a JWK Set).
   */
  'signingKeys': (_spe_v1_Jwk__Output)[];
}
