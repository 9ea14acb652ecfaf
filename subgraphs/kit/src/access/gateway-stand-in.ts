import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import type { Caller, ForwardedRequest } from './caller';
import { createGatewayTokenSigner, GATEWAY_TOKEN_HEADER } from './internal-token';
import { publicJwkOf } from './key-files';
import type { KeySource } from './key-source';
import type { SignedOperation } from './operation-digest';
import type { Purpose } from './roles';

/**
 * Plays the gateway for a subgraph tested on its own: a fresh signing key whose public half the
 * subgraph is configured to trust, and the headers the gateway would send for a caller.
 */
export function createGatewayStandIn(subgraph: string, defaults: { caller: Caller; purpose: Purpose | null }) {
  // Synchronous, so a spec can create it at module level (specs are CommonJS: no top-level await).
  const signingKey: JWK = {
    ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
    alg: 'EdDSA',
    kid: randomUUID(),
  };
  const signer = createGatewayTokenSigner(signingKey);
  const headersFor = async (
    caller: Caller,
    purpose: Purpose | null,
    operation: SignedOperation,
    dataSubject: string | null = null,
  ): Promise<Record<string, string>> => {
    const forwarded: ForwardedRequest = { caller, purpose, requestId: randomUUID(), operationName: null, dataSubject };
    return { [GATEWAY_TOKEN_HEADER]: await (await signer)(subgraph, forwarded, operation) };
  };
  return {
    gatewayKeys: { jwks: { keys: [publicJwkOf(signingKey)] } } satisfies KeySource,
    headersFor,
    /** POSTs an operation to the subgraph as the gateway would, for the default caller unless one is given. */
    async post<TBody>(
      url: string,
      operation: { query: string; variables?: Record<string, unknown> },
      as: { caller: Caller; purpose: Purpose | null } = defaults,
    ): Promise<{ status: number; body: TBody }> {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await headersFor(as.caller, as.purpose, operation)) },
        body: JSON.stringify(operation),
      });
      return { status: response.status, body: (await response.json()) as TBody };
    },
  };
}
