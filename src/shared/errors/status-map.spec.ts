import { status } from '@grpc/grpc-js';
import { ERROR_CODES, ErrorCode } from './error-codes';
import { errorCodeOfHttpStatus, grpcStatusOf, httpStatusOf } from './status-map';

describe('the error code table', () => {
  it('maps every code to a gRPC status and the matching HTTP status of google/rpc/code.proto', () => {
    const expectedHttp: Record<string, number> = {
      INVALID_ARGUMENT: 400,
      FAILED_PRECONDITION: 400,
      ABORTED: 409,
      ALREADY_EXISTS: 409,
      UNAUTHENTICATED: 401,
      PERMISSION_DENIED: 403,
      NOT_FOUND: 404,
      UNAVAILABLE: 503,
      DEADLINE_EXCEEDED: 504,
      INTERNAL: 500,
    };
    for (const [code, grpcName] of Object.entries(ERROR_CODES) as [ErrorCode, string][]) {
      expect(grpcStatusOf(code)).toBe(status[grpcName as keyof typeof status]);
      expect(httpStatusOf(code)).toBe(expectedHttp[grpcName]);
    }
  });

  it('classifies statuses the HTTP framework produces on its own', () => {
    expect(errorCodeOfHttpStatus(404)).toBe('REQUEST.NOT_FOUND');
    expect(errorCodeOfHttpStatus(413)).toBe('REQUEST.INVALID');
    expect(errorCodeOfHttpStatus(500)).toBe('INTERNAL');
  });
});
