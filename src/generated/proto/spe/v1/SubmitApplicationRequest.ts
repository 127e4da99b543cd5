// Original file: proto/spe/v1/permit_service.proto


export interface SubmitApplicationRequest {
  'applicationJson'?: (string);
  /**
   * 1 when lodged, raised each time the applicant completes the application;
   * a higher version replaces the participant's copy and its decision.
   */
  'applicationVersion'?: (number);
  /**
   * RFC 3339 deadline of the HDABs' decisions (three months after the
   * application was lodged or last completed).
   */
  'decisionDueAt'?: (string);
}

export interface SubmitApplicationRequest__Output {
  'applicationJson': (string);
  /**
   * 1 when lodged, raised each time the applicant completes the application;
   * a higher version replaces the participant's copy and its decision.
   */
  'applicationVersion': (number);
  /**
   * RFC 3339 deadline of the HDABs' decisions (three months after the
   * application was lodged or last completed).
   */
  'decisionDueAt': (string);
}
