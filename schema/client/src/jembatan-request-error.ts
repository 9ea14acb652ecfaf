/** One entry of a GraphQL response's `errors`, with its stable code lifted out of `extensions`. */
export interface GraphQLErrorEntry {
  message: string;
  /** `extensions.code` (docs/errors.md): what a screen branches on. */
  code: string | undefined;
  /** Where in `data` the field that failed sits; absent for errors about the whole request. */
  path: readonly (string | number)[] | undefined;
  /** Everything else the server said, e.g. `serviceName` for SUBGRAPH_UNAVAILABLE. */
  extensions: Readonly<Record<string, unknown>>;
}

/** Codes the client gives when no GraphQL error says what happened. */
export const CLIENT_ERROR_CODES = {
  NETWORK_ERROR: 'The gateway could not be reached (connection refused or reset, DNS, TLS).',
  ABORTED: "The request was aborted through the caller's AbortSignal.",
  HTTP_ERROR: "The gateway answered with an HTTP error and no GraphQL errors (e.g. a proxy's 502 page).",
  INVALID_RESPONSE: 'The answer is not a GraphQL response: not JSON, or neither `data` nor `errors`.',
  UNCODED_GRAPHQL_ERROR: 'The server sent GraphQL errors without `extensions.code`.',
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERROR_CODES;

export interface JembatanRequestErrorDetails {
  /** The first error's `extensions.code`, or one of CLIENT_ERROR_CODES. */
  code: string;
  message: string;
  operationName: string | undefined;
  /** The HTTP status; undefined when no answer arrived. */
  status?: number;
  errors?: readonly GraphQLErrorEntry[];
  /** What did arrive: with field errors, `data` holds the rest of the answer. */
  data?: unknown;
  /** From `Retry-After` (RATE_LIMITED). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** Why a request to the gateway did not produce the whole answer: GraphQL errors, HTTP or network. */
export class JembatanRequestError extends Error {
  override readonly name = 'JembatanRequestError';
  readonly code: string;
  readonly operationName: string | undefined;
  readonly status: number | undefined;
  readonly errors: readonly GraphQLErrorEntry[];
  readonly data: unknown;
  readonly retryAfterSeconds: number | undefined;

  constructor(details: JembatanRequestErrorDetails) {
    super(
      `${details.operationName ?? 'GraphQL request'} failed: ${details.code}: ${details.message}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.code = details.code;
    this.operationName = details.operationName;
    this.status = details.status;
    this.errors = details.errors ?? [];
    this.data = details.data ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** Whether any of the errors carries this code, e.g. to tell FORBIDDEN fields from an outage. */
  hasCode(code: string): boolean {
    return this.code === code || this.errors.some((error) => error.code === code);
  }
}
