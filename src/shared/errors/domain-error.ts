import { ErrorCode } from './error-codes';

/**
 * The one error type of the domain and application layers. The string code
 * travels across processes (gRPC metadata, HTTP bodies) where `instanceof`
 * cannot.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}
