// Original file: proto/spe/v1/job_service.proto


export interface DeliverContributionResponse {
  /**
   * Whether the lead's part was settled by this call (false: it was before).
   */
  'settled'?: (boolean);
}

export interface DeliverContributionResponse__Output {
  /**
   * Whether the lead's part was settled by this call (false: it was before).
   */
  'settled': (boolean);
}
