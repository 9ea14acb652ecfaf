import { randomUUID } from 'node:crypto';
import {
  createGatewayTokenSigner,
  GATEWAY_TOKEN_HEADER,
  readPrivateJwk,
  type Caller,
  type Purpose,
} from '@jembatan/kit';

export interface SubgraphAnswer {
  status: number;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | undefined;
}

/**
 * Calls subgraphs directly, as the gateway does: each request with a fresh token signed by the
 * gateway's private key file (from `pnpm keys`) for that subgraph and that operation.
 */
export async function gatewayTokenClient(signingKeyPath: string, caller: Caller, purpose: Purpose) {
  const sign = await createGatewayTokenSigner(readPrivateJwk(signingKeyPath));
  const tokenFor = (subgraph: string, query: string) =>
    sign(subgraph, { caller, purpose, requestId: randomUUID(), operationName: null, dataSubject: null }, { query });
  const post = async (origin: string, query: string, token: string): Promise<SubgraphAnswer> => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: token },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    let body: SubgraphAnswer['body'];
    try {
      body = JSON.parse(text) as SubgraphAnswer['body'];
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  };
  return {
    tokenFor,
    post,
    /** One request with a token of its own. */
    ask: async (subgraph: string, origin: string, query: string) =>
      post(origin, query, await tokenFor(subgraph, query)),
  };
}
