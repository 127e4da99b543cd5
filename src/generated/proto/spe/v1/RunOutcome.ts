// Original file: proto/spe/v1/job_service.proto

export const RunOutcome = {
  RUN_OUTCOME_UNSPECIFIED: 'RUN_OUTCOME_UNSPECIFIED',
  RUN_OUTCOME_RELEASED: 'RUN_OUTCOME_RELEASED',
  RUN_OUTCOME_BLOCKED: 'RUN_OUTCOME_BLOCKED',
} as const;

export type RunOutcome =
  | 'RUN_OUTCOME_UNSPECIFIED'
  | 0
  | 'RUN_OUTCOME_RELEASED'
  | 1
  | 'RUN_OUTCOME_BLOCKED'
  | 2

export type RunOutcome__Output = typeof RunOutcome[keyof typeof RunOutcome]
