// Original file: proto/spe/v1/audit_service.proto


export interface GetSignedTreeHeadResponse {
  /**
   * A compact JWS (alg EdDSA, kid, typ "spe-tree-head+jws") whose payload is
   * the RFC 8785 JSON {"iss", "root_hash" (base64), "timestamp" (ms since
   * 1970), "tree_size"}.
   */
  'jws'?: (string);
}

export interface GetSignedTreeHeadResponse__Output {
  /**
   * A compact JWS (alg EdDSA, kid, typ "spe-tree-head+jws") whose payload is
   * the RFC 8785 JSON {"iss", "root_hash" (base64), "timestamp" (ms since
   * 1970), "tree_size"}.
   */
  'jws': (string);
}
