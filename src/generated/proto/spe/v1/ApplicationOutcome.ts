// Original file: proto/spe/v1/permit_service.proto

export const ApplicationOutcome = {
  APPLICATION_OUTCOME_UNSPECIFIED: 'APPLICATION_OUTCOME_UNSPECIFIED',
  APPLICATION_OUTCOME_GRANTED: 'APPLICATION_OUTCOME_GRANTED',
  APPLICATION_OUTCOME_REJECTED: 'APPLICATION_OUTCOME_REJECTED',
  /**
   * Withdrawn by the applicant, or deemed withdrawn when not completed in time.
   */
  APPLICATION_OUTCOME_WITHDRAWN: 'APPLICATION_OUTCOME_WITHDRAWN',
} as const;

export type ApplicationOutcome =
  | 'APPLICATION_OUTCOME_UNSPECIFIED'
  | 0
  | 'APPLICATION_OUTCOME_GRANTED'
  | 1
  | 'APPLICATION_OUTCOME_REJECTED'
  | 2
  /**
   * Withdrawn by the applicant, or deemed withdrawn when not completed in time.
   */
  | 'APPLICATION_OUTCOME_WITHDRAWN'
  | 3

export type ApplicationOutcome__Output = typeof ApplicationOutcome[keyof typeof ApplicationOutcome]
