import type { DevelopmentTokens } from './development-tokens';
import type { Identity } from './identity';

/** The headers that make a request the identity's: its bearer token and declared purpose. */
export async function identityHeaders(
  identity: Identity,
  tokens: DevelopmentTokens | null,
): Promise<Record<string, string>> {
  const token =
    identity.kind === 'pasted' ? identity.token.trim() : tokens ? await tokens(identity.role, identity.purpose) : '';
  return {
    ...(token !== '' && { authorization: `Bearer ${token}` }),
    ...(identity.purpose !== null && { 'x-purpose': identity.purpose }),
  };
}
