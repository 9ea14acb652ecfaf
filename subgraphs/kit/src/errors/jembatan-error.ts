import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-codes';

/**
 * An expected, client-facing error. Only these (and GraphQL's own syntax/validation errors)
 * reach clients verbatim in production; anything else is masked by `formatError`.
 */
export class JembatanError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
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
