// Original file: proto/spe/v1/peer_service.proto

export const ServingStatus = {
  SERVING_STATUS_UNSPECIFIED: 'SERVING_STATUS_UNSPECIFIED',
  SERVING_STATUS_SERVING: 'SERVING_STATUS_SERVING',
  SERVING_STATUS_NOT_SERVING: 'SERVING_STATUS_NOT_SERVING',
} as const;

export type ServingStatus =
  | 'SERVING_STATUS_UNSPECIFIED'
  | 0
  | 'SERVING_STATUS_SERVING'
  | 1
  | 'SERVING_STATUS_NOT_SERVING'
  | 2

export type ServingStatus__Output = typeof ServingStatus[keyof typeof ServingStatus]
