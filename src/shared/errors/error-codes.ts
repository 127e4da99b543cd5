/**
 * Every error the node can return, with the canonical status it maps to
 * (google.rpc.Code names). The HTTP status follows from the gRPC status
 * (see status-map.ts), so each code is classified exactly once.
 */
export const ERROR_CODES = {
  'REQUEST.INVALID': 'INVALID_ARGUMENT',
  'IMPORT.INVALID': 'INVALID_ARGUMENT',
  'DATASET.INVALID': 'INVALID_ARGUMENT',
  'REQUEST.NOT_FOUND': 'NOT_FOUND',
  'REQUEST.UNAUTHENTICATED': 'UNAUTHENTICATED',
  'REQUEST.FORBIDDEN': 'PERMISSION_DENIED',
  'PEER.UNAUTHENTICATED': 'UNAUTHENTICATED',
  'PEER.UNREGISTERED': 'PERMISSION_DENIED',
  'PEER.UNKNOWN': 'NOT_FOUND',
  'PEER.UNAVAILABLE': 'UNAVAILABLE',
  'PEER.DEADLINE_EXCEEDED': 'DEADLINE_EXCEEDED',
  'PEER.IDENTITY_MISMATCH': 'FAILED_PRECONDITION',
  'PEER.FAILED': 'INTERNAL',
  INTERNAL: 'INTERNAL',
} as const satisfies Record<string, GrpcStatusName>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type GrpcStatusName =
  | 'OK'
  | 'CANCELLED'
  | 'UNKNOWN'
  | 'INVALID_ARGUMENT'
  | 'DEADLINE_EXCEEDED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION'
  | 'ABORTED'
  | 'OUT_OF_RANGE'
  | 'UNIMPLEMENTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'DATA_LOSS'
  | 'UNAUTHENTICATED';

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
