// Original file: proto/spe/v1/permit_service.proto

export const DecisionOutcome = {
  DECISION_OUTCOME_UNSPECIFIED: 'DECISION_OUTCOME_UNSPECIFIED',
  DECISION_OUTCOME_APPROVED: 'DECISION_OUTCOME_APPROVED',
  DECISION_OUTCOME_REJECTED: 'DECISION_OUTCOME_REJECTED',
} as const;

export type DecisionOutcome =
  | 'DECISION_OUTCOME_UNSPECIFIED'
  | 0
  | 'DECISION_OUTCOME_APPROVED'
  | 1
  | 'DECISION_OUTCOME_REJECTED'
  | 2

export type DecisionOutcome__Output = typeof DecisionOutcome[keyof typeof DecisionOutcome]
