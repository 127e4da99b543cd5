// Original file: proto/spe/v1/permit_service.proto

export const PermitChange = {
  PERMIT_CHANGE_UNSPECIFIED: 'PERMIT_CHANGE_UNSPECIFIED',
  PERMIT_CHANGE_SUSPEND: 'PERMIT_CHANGE_SUSPEND',
  PERMIT_CHANGE_RESUME: 'PERMIT_CHANGE_RESUME',
  PERMIT_CHANGE_REVOKE: 'PERMIT_CHANGE_REVOKE',
} as const;

export type PermitChange =
  | 'PERMIT_CHANGE_UNSPECIFIED'
  | 0
  | 'PERMIT_CHANGE_SUSPEND'
  | 1
  | 'PERMIT_CHANGE_RESUME'
  | 2
  | 'PERMIT_CHANGE_REVOKE'
  | 3

export type PermitChange__Output = typeof PermitChange[keyof typeof PermitChange]
