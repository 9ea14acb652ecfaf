import type { ErrorCode } from '../errors/error-codes';

/**
 * Thrown while building a request's context to refuse the whole request at the HTTP level
 * (401 without valid credentials, 403 for a purpose the caller may not declare, 429 over the
 * rate limit), before any resolver runs.
 */
export class RequestRejectedError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
