import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { JembatanError, type ErrorCode } from '@jembatan/kit/errors';
import type { SubgraphResponsePath } from './missing-field-paths';
import type { SubgraphFailure } from './subgraph-failure';

/** What a subgraph data source answers the query planner with. */
export type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** The codes a client sees when an agency's part of the answer is missing (described in the kit's catalog). */
export type SubgraphErrorCode = Extract<ErrorCode, 'SUBGRAPH_UNAVAILABLE' | 'SUBGRAPH_TIMEOUT'>;

export function clientCodeOf(failure: SubgraphFailure): SubgraphErrorCode {
  return failure.kind === 'timeout' ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE';
}

/**
 * A JembatanError, so `formatError` passes it unchanged in production and development alike;
 * its path is one of the subgraph response paths the gateway maps onto the client's response.
 * Its message and stack name the subgraph and nothing else: no URL, status or body.
 */
class SubgraphFieldError extends JembatanError {
  constructor(
    code: SubgraphErrorCode,
    message: string,
    override readonly path: SubgraphResponsePath | undefined,
  ) {
    super(code, message);
  }
}

/**
 * The answer for a subgraph fetch that failed as a whole: no data, and one error per field left
 * empty, so each lands at its place in the client's response with the other agency's data intact.
 */
export function subgraphFailureResponse(failure: SubgraphFailure, paths: SubgraphResponsePath[]): SubgraphResponse {
  const code = clientCodeOf(failure);
  const message =
    code === 'SUBGRAPH_TIMEOUT'
      ? `The ${failure.subgraph} service did not answer in time; its fields are null. Retry later.`
      : `The ${failure.subgraph} service is unavailable; its fields are null. Retry later.`;
  const errorPaths = paths.length > 0 ? paths : [undefined];
  return { errors: errorPaths.map((path) => new SubgraphFieldError(code, message, path)) };
}
