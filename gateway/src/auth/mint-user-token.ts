import { importJWK, SignJWT, type JWK } from 'jose';
import type { Caller } from '@jembatan/kit/access';

export interface MintSettings {
  issuer: string;
  audience: string;
}

/**
 * Signs user tokens the way an identity provider would: for `pnpm token` in development, and for
 * tests. Production tokens come from the real provider, never from here.
 */
export async function createUserTokenMinter(privateJwk: JWK, settings: MintSettings) {
  const alg = privateJwk.alg ?? 'ES256';
  const key = await importJWK(privateJwk, alg);
  return (caller: Caller, lifetimeSeconds = 3600): Promise<string> =>
    new SignJWT({ roles: caller.roles, agency: caller.agency, ...(caller.units ? { units: caller.units } : {}) })
      .setProtectedHeader({ alg, typ: 'JWT', kid: privateJwk.kid })
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setSubject(caller.subject)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
      .sign(key);
}
