// Original file: proto/spe/v1/lifecycle_service.proto


export interface ClosePermitRequest {
  'permitId'?: (string);
  /**
   * Why the lead's HDAB closed it.
   */
  'reason'?: (string);
}

export interface ClosePermitRequest__Output {
  'permitId': (string);
  /**
   * Why the lead's HDAB closed it.
   */
  'reason': (string);
}
