// Original file: proto/spe/v1/job_service.proto

export const RunOutcome = {
  RUN_OUTCOME_UNSPECIFIED: 'RUN_OUTCOME_UNSPECIFIED',
  RUN_OUTCOME_RELEASED: 'RUN_OUTCOME_RELEASED',
  RUN_OUTCOME_BLOCKED: 'RUN_OUTCOME_BLOCKED',
  /**
   * Held in the node's airlock for its reviewers; the decision follows by DeliverContribution.
   */
  RUN_OUTCOME_AWAITING_REVIEW: 'RUN_OUTCOME_AWAITING_REVIEW',
} as const;

export type RunOutcome =
  | 'RUN_OUTCOME_UNSPECIFIED'
  | 0
  | 'RUN_OUTCOME_RELEASED'
  | 1
  | 'RUN_OUTCOME_BLOCKED'
  | 2
  /**
   * Held in the node's airlock for its reviewers; the decision follows by DeliverContribution.
   */
  | 'RUN_OUTCOME_AWAITING_REVIEW'
  | 3

export type RunOutcome__Output = typeof RunOutcome[keyof typeof RunOutcome]
