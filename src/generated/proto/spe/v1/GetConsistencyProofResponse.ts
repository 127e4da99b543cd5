// Original file: proto/spe/v1/audit_service.proto


export interface GetConsistencyProofResponse {
  /**
   * The SHA-256 hashes of the proof, in RFC 6962 order.
   */
  'proof'?: (Buffer | Uint8Array | string)[];
}

export interface GetConsistencyProofResponse__Output {
  /**
   * The SHA-256 hashes of the proof, in RFC 6962 order.
   */
  'proof': (Buffer)[];
}
