import type { GraphiQLProps } from 'graphiql';
import { TokenUnavailableError } from './identity/development-tokens';
import { operationNameFor } from './operation-name';

type Fetcher = GraphiQLProps['fetcher'];

/** An answer in GraphQL's error shape, so GraphiQL shows it in the result pane like any other. */
const failure = (message: string, code?: string) => ({ errors: [{ message, ...(code && { extensions: { code } }) }] });

/**
 * Sends each operation (the schema introspection too) to the gateway with the identity's
 * `Authorization` and `X-Purpose`. Headers typed into GraphiQL's headers editor win, so a user
 * can still try a request as someone else by hand.
 */
export function authenticatedFetcher(graphqlPath: string, identityHeaders: () => Promise<Record<string, string>>) {
  const fetcher: Fetcher = async (params, options) => {
    let headers: Record<string, string>;
    try {
      headers = await identityHeaders();
    } catch (error) {
      if (error instanceof TokenUnavailableError) return failure(error.message, error.code);
      throw error;
    }
    const response = await fetch(graphqlPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers, ...options?.headers },
      body: JSON.stringify({ ...params, operationName: operationNameFor(params.query, params.operationName) }),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      // Something between the page and the gateway (a proxy's error page) answered instead.
      return failure(`The gateway answered HTTP ${response.status} without a GraphQL result`);
    }
  };
  return fetcher;
}
