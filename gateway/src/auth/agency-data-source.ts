import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GATEWAY_TOKEN_HEADER, type ForwardedRequest } from '@jembatan/kit';
import type { GatewayContext } from '../context';

export type SignGatewayToken = (audience: string, forwarded: ForwardedRequest, query: string) => Promise<string>;

/**
 * The client's operation name: the query planner names each subgraph fetch
 * `<operation>__<subgraph>__<n>`, and the audit trail wants what the client called it.
 */
function clientOperationName(fetchName: string | undefined): string | null {
  if (!fetchName) return null;
  const cut = fetchName.search(/__[a-z0-9_]+__\d+$/);
  return cut > 0 ? fetchName.slice(0, cut) : fetchName;
}

/**
 * One agency's subgraph as the gateway calls it. Each fetch carries a fresh token the gateway
 * signs for that agency alone, vouching for the caller, their roles and purpose, and the
 * request id; the user's own token never leaves the gateway.
 */
export class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly agency: string,
    url: string,
    private readonly sign: SignGatewayToken,
  ) {
    super({ url });
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
      operationName: clientOperationName(request.operationName),
    };
    headers.set(GATEWAY_TOKEN_HEADER, await this.sign(this.agency, forwarded, request.query ?? ''));
  }
}
