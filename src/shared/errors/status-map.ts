import { status as GrpcStatus } from '@grpc/grpc-js';
import { ERROR_CODES, ErrorCode, GrpcStatusName } from './error-codes';

/** google/rpc/code.proto's HTTP mapping (REFERENCE.md §4). */
const HTTP_BY_GRPC: Record<GrpcStatusName, number> = {
  OK: 200,
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
};

export function grpcStatusOf(code: ErrorCode): GrpcStatus {
  return GrpcStatus[ERROR_CODES[code]];
}

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_BY_GRPC[ERROR_CODES[code]];
}

/** Classifies an HTTP status the framework produced itself (routing, body parsing). */
export function errorCodeOfHttpStatus(httpStatus: number): ErrorCode {
  if (httpStatus === 404) return 'REQUEST.NOT_FOUND';
  if (httpStatus === 401) return 'REQUEST.UNAUTHENTICATED';
  if (httpStatus === 403) return 'REQUEST.FORBIDDEN';
  if (httpStatus >= 400 && httpStatus < 500) return 'REQUEST.INVALID';
  return 'INTERNAL';
}
