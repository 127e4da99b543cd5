/**
 * A node's refusal, as its REST API states it (`{ error: { code, message, details } }`),
 * or CLIENT.UNREACHABLE with status 0 when no answer came.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** One line for a person: what was refused, with the node's code. */
  describe(): string {
    return this.status === 0
      ? `${this.code}: ${this.message}`
      : `${this.code} (HTTP ${this.status}): ${this.message}`;
  }
}
