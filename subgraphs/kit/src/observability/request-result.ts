import type { BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/**
 * How a GraphQL request ended, as its client saw it: `success` without errors, `partial` with
 * errors and some data (a denied or invalid field among others that resolved), `failure` with
 * errors and no data (refused by parsing, validation or a limit, or every root field null).
 */
export type RequestOutcome = 'success' | 'partial' | 'failure';

/** The operation label of a request that never resolved to an operation (unparsable, invalid). */
export const NO_OPERATION = '(none)';
/** The operation label of an operation without a name. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** The code reported for an error whose extensions carry none. */
export const UNCODED_ERROR = '(uncoded)';

export interface RequestResult {
  operation: string;
  outcome: RequestOutcome;
  /** `extensions.code` of every error sent to the client, in order, after masking. */
  errorCodes: string[];
}

function sentErrorsAndData(requestContext: GraphQLRequestContextWillSendResponse<BaseContext>): {
  errors: readonly GraphQLFormattedError[];
  hasData: boolean;
} {
  const body = requestContext.response.body;
  const result = body.kind === 'single' ? body.singleResult : body.initialResult;
  const rootFields = Object.values(result.data ?? {});
  return { errors: result.errors ?? [], hasData: rootFields.some((value) => value !== null && value !== undefined) };
}

/**
 * Reads the result from what is about to be sent rather than from the errors raised: the codes
 * are then the ones clients get, after error masking, and nothing of the request itself (its
 * variables, its query text) is looked at.
 */
export function requestResultOf(requestContext: GraphQLRequestContextWillSendResponse<BaseContext>): RequestResult {
  const { errors, hasData } = sentErrorsAndData(requestContext);
  const operation = requestContext.operation
    ? (requestContext.operation.name?.value ?? ANONYMOUS_OPERATION)
    : NO_OPERATION;
  const errorCodes = errors.map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' ? code : UNCODED_ERROR;
  });
  const outcome: RequestOutcome = errors.length === 0 ? 'success' : hasData ? 'partial' : 'failure';
  return { operation, outcome, errorCodes };
}
