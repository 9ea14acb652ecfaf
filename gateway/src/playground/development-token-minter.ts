import { loadPrivateKey, type Caller } from '@jembatan/kit/access';
import type { AuthConfig } from '../auth/auth-config';
import { createUserTokenMinter } from '../auth/mint-user-token';

/** Signs a user token as the development identity provider would (the one `pnpm token` uses). */
export type DevelopmentTokenMinter = (caller: Caller, lifetimeSeconds: number) => Promise<string>;

/**
 * The development identity provider's minter, when this gateway trusts it: in development,
 * with no real provider configured. Otherwise none, and the playground takes pasted tokens.
 */
export async function developmentTokenMinter(config: {
  production: boolean;
  auth: AuthConfig;
}): Promise<DevelopmentTokenMinter | undefined> {
  if (config.production || !('generateAt' in config.auth.userKeys)) return undefined;
  return createUserTokenMinter(await loadPrivateKey(config.auth.userKeys), config.auth);
}
