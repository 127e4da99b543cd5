// Original file: proto/spe/v1/lifecycle_service.proto

export const ExtensionOutcome = {
  EXTENSION_OUTCOME_UNSPECIFIED: 'EXTENSION_OUTCOME_UNSPECIFIED',
  EXTENSION_OUTCOME_APPROVED: 'EXTENSION_OUTCOME_APPROVED',
  EXTENSION_OUTCOME_REJECTED: 'EXTENSION_OUTCOME_REJECTED',
  EXTENSION_OUTCOME_GRANTED: 'EXTENSION_OUTCOME_GRANTED',
} as const;

export type ExtensionOutcome =
  | 'EXTENSION_OUTCOME_UNSPECIFIED'
  | 0
  | 'EXTENSION_OUTCOME_APPROVED'
  | 1
  | 'EXTENSION_OUTCOME_REJECTED'
  | 2
  | 'EXTENSION_OUTCOME_GRANTED'
  | 3

export type ExtensionOutcome__Output = typeof ExtensionOutcome[keyof typeof ExtensionOutcome]
