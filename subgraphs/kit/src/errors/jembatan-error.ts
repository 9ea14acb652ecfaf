import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import type { ErrorCode } from './error-codes';

/** Where in a document and an answer an error belongs, when it is built already located. */
export type ErrorLocation = Pick<GraphQLErrorOptions, 'nodes' | 'path'>;

/**
 * An expected, client-facing error. Only these (and GraphQL's own syntax/validation errors)
 * reach clients verbatim in production; anything else is masked by `formatError`.
 *
 * Built without a stack trace: these are catalogued answers to the client, never bugs, and a
 * page can raise many of them. Capturing a stack costs the frames, and reading it (graphql-js
 * does, to copy it onto the error it wraps) runs every frame through the source-map hook of
 * development; neither tells an operator anything about a refused NIK or field.
 */
export class JembatanError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, location?: ErrorLocation) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message, { ...location, extensions: { ...extensions, code } });
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.name = 'JembatanError';
  }
}

export function badInput(code: ErrorCode, message: string, argument?: string): JembatanError {
  return new JembatanError(code, message, argument ? { argument } : {});
}

/** How much of an argument a message repeats: enough to recognise it, never a payload. */
const ECHOED_PREFIX = 32;

/** The start of a client's input for an error message, marked when cut. */
export function echoed(input: string): string {
  return input.length > ECHOED_PREFIX ? `${input.slice(0, ECHOED_PREFIX)}…` : input;
}

export function notFound(entity: string, key: string): JembatanError {
  return new JembatanError('NOT_FOUND', `No ${entity} with key "${echoed(key)}"`, { entity });
}
