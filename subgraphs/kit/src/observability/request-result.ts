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
/** The operation label of anything but a published operation, whatever name its client gave it. */
export const AD_HOC_OPERATION = '(ad hoc)';

/**
 * The published operation (schema/operations) a request ran, as the service knows it: the gateway
 * from its manifest, a subgraph from the gateway's signed token. Null for anything else. A name a
 * client chose never becomes a metric label or a log field: it could be personal data, and
 * unbounded names would crowd the real operations out of the metrics.
 */
export type PublishedOperationOf = (contextValue: BaseContext) => string | null;
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
export function requestResultOf(
  requestContext: GraphQLRequestContextWillSendResponse<BaseContext>,
  publishedOperationOf: PublishedOperationOf,
): RequestResult {
  const { errors, hasData } = sentErrorsAndData(requestContext);
  const operation = requestContext.operation
    ? (publishedOperationOf(requestContext.contextValue) ?? AD_HOC_OPERATION)
    : NO_OPERATION;
  const errorCodes = errors.map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' ? code : UNCODED_ERROR;
  });
  const outcome: RequestOutcome = errors.length === 0 ? 'success' : hasData ? 'partial' : 'failure';
  return { operation, outcome, errorCodes };
}
