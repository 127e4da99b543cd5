// Original file: proto/spe/v1/lifecycle_service.proto


export interface DeliverDestructionRecordRequest {
  'permitId'?: (string);
  /**
   * Compact JWS (EdDSA, the node's kid) over the record's canonical JSON.
   */
  'recordJws'?: (string);
}

export interface DeliverDestructionRecordRequest__Output {
  'permitId': (string);
  /**
   * Compact JWS (EdDSA, the node's kid) over the record's canonical JSON.
   */
  'recordJws': (string);
}
