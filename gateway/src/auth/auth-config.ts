import type { KeySource } from '@jembatan/kit/access';

/** How the gateway authenticates users: read from the environment by config.ts. */
export interface AuthConfig {
  issuer: string;
  audience: string;
  /** The identity provider's public keys: a JWKS endpoint, a file, or the development issuer's key. */
  userKeys: { url: string } | KeySource;
  clockSkewSeconds: number;
  /** The longest a user token may live (AUTH_MAX_TOKEN_LIFETIME_SECONDS). */
  maxTokenLifetimeSeconds: number;
}
