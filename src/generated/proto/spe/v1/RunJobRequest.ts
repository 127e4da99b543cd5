// Original file: proto/spe/v1/job_service.proto


export interface RunJobRequest {
  'jobId'?: (string);
  /**
   * The permit as a JWS in General JSON Serialization.
   */
  'permitJwsJson'?: (string);
  /**
   * The job specification, RFC 8785 canonical JSON (kind, params, submitter, time).
   */
  'specJson'?: (string);
  /**
   * Compact JWS by the lead's signing key binding the submitter to this job
   * id, permit and specification (SHA-256), valid for a few minutes.
   */
  'submitterAssertion'?: (string);
  /**
   * The round, from 1; iterative kinds (models) take several.
   */
  'round'?: (number);
  /**
   * The state the lead keeps for this round (e.g. the current coefficients)
   * as JSON; "null" for kinds of one round.
   */
  'stateJson'?: (string);
}

export interface RunJobRequest__Output {
  'jobId': (string);
  /**
   * The permit as a JWS in General JSON Serialization.
   */
  'permitJwsJson': (string);
  /**
   * The job specification, RFC 8785 canonical JSON (kind, params, submitter, time).
   */
  'specJson': (string);
  /**
   * Compact JWS by the lead's signing key binding the submitter to this job
   * id, permit and specification (SHA-256), valid for a few minutes.
   */
  'submitterAssertion': (string);
  /**
   * The round, from 1; iterative kinds (models) take several.
   */
  'round': (number);
  /**
   * The state the lead keeps for this round (e.g. the current coefficients)
   * as JSON; "null" for kinds of one round.
   */
  'stateJson': (string);
}
