import { JembatanRequestError, type GraphQLErrorEntry } from './jembatan-request-error';

/** A GraphQL response as it arrived, whatever its HTTP status. */
export interface GraphQLAnswer {
  status: number;
  ok: boolean;
  data: unknown;
  errors: GraphQLErrorEntry[];
  retryAfterSeconds: number | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function entryOf(error: unknown): GraphQLErrorEntry | undefined {
  if (!isRecord(error) || typeof error.message !== 'string') return undefined;
  const extensions = isRecord(error.extensions) ? error.extensions : {};
  const path = Array.isArray(error.path) ? (error.path as (string | number)[]) : undefined;
  return {
    message: error.message,
    code: typeof extensions.code === 'string' ? extensions.code : undefined,
    path,
    extensions,
  };
}

function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  return header !== null && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
}

/**
 * Reads a response body as a GraphQL answer. Throws only when it is not one (a proxy's HTML error
 * page, a truncated body): GraphQL errors, with or without data, are the caller's to judge.
 */
export function graphQLAnswerOf(response: Response, text: string, operationName: string | undefined): GraphQLAnswer {
  const { status, ok } = response;
  const retryAfterSeconds = retryAfterOf(response);
  const notGraphQL = (why: string, cause?: unknown) =>
    new JembatanRequestError({
      code: ok ? 'INVALID_RESPONSE' : 'HTTP_ERROR',
      message: ok ? why : `HTTP ${status} ${response.statusText}`.trim(),
      operationName,
      status,
      retryAfterSeconds,
      cause,
    });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw notGraphQL('the body is not JSON', error);
  }
  if (!isRecord(body) || (!('data' in body) && !('errors' in body))) {
    throw notGraphQL('the body has neither `data` nor `errors`');
  }
  const data = body.data ?? null;
  if (data !== null && !isRecord(data)) throw notGraphQL('`data` is not an object');
  const rawErrors = body.errors ?? [];
  const errors = Array.isArray(rawErrors) ? rawErrors.map(entryOf) : [undefined];
  if (errors.some((entry) => entry === undefined)) throw notGraphQL('`errors` is not a list of GraphQL errors');
  return { status, ok, data, errors: errors as GraphQLErrorEntry[], retryAfterSeconds };
}

/** The error a failed answer stands for, named by the first error that carries a code. */
export function requestErrorOf(answer: GraphQLAnswer, operationName: string | undefined): JembatanRequestError {
  const [first] = answer.errors;
  const coded = answer.errors.find((error) => error.code !== undefined);
  const more = answer.errors.length > 1 ? ` (and ${answer.errors.length - 1} more)` : '';
  return new JembatanRequestError({
    code: coded?.code ?? (first ? 'UNCODED_GRAPHQL_ERROR' : answer.ok ? 'INVALID_RESPONSE' : 'HTTP_ERROR'),
    message: first
      ? `${(coded ?? first).message}${more}`
      : `HTTP ${answer.status} with ${answer.ok ? 'no data and no errors' : 'no GraphQL errors'}`,
    operationName,
    status: answer.status,
    errors: answer.errors,
    data: answer.data,
    retryAfterSeconds: answer.retryAfterSeconds,
  });
}
