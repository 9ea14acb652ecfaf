import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { parse, type DocumentNode } from 'graphql';
import { GATEWAY_TOKEN_HEADER, type ForwardedRequest, type SignedOperation } from '@jembatan/kit/access';
import type { GatewayContext } from '../context';
import {
  createSubgraphFetchers,
  missingFieldPaths,
  SubgraphFailure,
  subgraphFailureResponse,
  type SubgraphFetchers,
  type SubgraphResponse,
} from '../subgraph-fetch';

export type SignGatewayToken = (
  audience: string,
  forwarded: ForwardedRequest,
  operation: SignedOperation,
) => Promise<string>;

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];

/** The operation the gateway sends: parsed by the query planner already, except for health checks. */
function documentOf(options: ProcessOptions): DocumentNode | undefined {
  if ('document' in options && options.document) return options.document;
  try {
    return options.request.query ? parse(options.request.query) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One agency's subgraph as the gateway calls it. Each fetch carries a fresh token the gateway
 * signs for that agency alone, vouching for the caller, their roles and purpose, and the
 * request id; the user's own token never leaves the gateway.
 *
 * Fetches go through the agency's resilient fetcher (deadline, retries for queries, circuit
 * breaker, bounded keep-alive pool: ../subgraph-fetch). When one fails as a whole, the agency's
 * fields come back null with SUBGRAPH_UNAVAILABLE or SUBGRAPH_TIMEOUT at their paths, and the
 * other agency's data still arrives; nothing about the subgraph (URL, status, body) does.
 */
export class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly agency: string,
    url: string,
    private readonly sign: SignGatewayToken,
    /** Shared by all the gateway's data sources; by default this one gets its own, with default settings. */
    fetchers: SubgraphFetchers = createSubgraphFetchers(),
  ) {
    super({ url, fetcher: fetchers.forSubgraph(agency).fetch });
  }

  override async process(options: ProcessOptions): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // Anything else is a bug of ours, left to formatError's masking of unexpected errors.
      if (!(error instanceof SubgraphFailure)) throw error;
      const document = documentOf(options);
      const paths = document ? missingFieldPaths(document, options.request.variables) : [];
      return subgraphFailureResponse(error, paths);
    }
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    const headers = request.http?.headers;
    if (!headers || !context.caller) return;
    headers.set('x-request-id', context.requestId);
    const forwarded: ForwardedRequest = {
      caller: context.caller,
      purpose: context.purpose,
      requestId: context.requestId,
      // Only a published operation's name travels: a name a client chose stays at the gateway.
      operationName: context.publishedOperation,
      dataSubject: context.dataSubject,
    };
    // Signed as it will be sent: the data source serialises this same request as the body.
    const operation = {
      query: request.query ?? '',
      variables: request.variables,
      operationName: request.operationName,
    };
    headers.set(GATEWAY_TOKEN_HEADER, await this.sign(this.agency, forwarded, operation));
  }
}
