import { createHash, randomUUID } from 'node:crypto';
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import type { JsonWebKeySet } from '../../access/key-files';

/** The header that carries a producer's signed token with each push of events. */
export const EVENTS_TOKEN_HEADER = 'x-jembatan-events-token';

const ISSUER = 'jembatan-events';
const TOKEN_TYPE = 'jembatan-events+jwt';
const LIFETIME_SECONDS = 30;

export class InvalidEventsTokenError extends Error {}

const digestOf = (body: string) => createHash('sha256').update(body).digest('base64url');

/**
 * Signs one push of events from a producing agency (`sub`) to one consumer (`aud`), bound to
 * the exact body by its digest: a copied token carries no other events.
 */
export async function createEventsTokenSigner(privateJwk: JWK) {
  const alg = privateJwk.alg ?? 'EdDSA';
  const key = await importJWK(privateJwk, alg);
  return (source: string, consumer: string, body: string): Promise<string> =>
    new SignJWT({ bd: digestOf(body) })
      .setProtectedHeader({ alg, typ: TOKEN_TYPE, kid: privateJwk.kid })
      .setIssuer(ISSUER)
      .setSubject(source)
      .setAudience(consumer)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(key);
}

/** Verifies a push for this consumer; returns the producing agency it came from. */
export function createEventsTokenVerifier(consumer: string, keys: JsonWebKeySet) {
  const keySet = createLocalJWKSet(keys);
  const algorithms = [...new Set(keys.keys.map((key) => key.alg ?? 'EdDSA'))];
  return async (token: string | undefined, body: string): Promise<string> => {
    if (!token) throw new InvalidEventsTokenError('missing events token');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: ISSUER,
        audience: consumer,
        algorithms,
        typ: TOKEN_TYPE,
        clockTolerance: 5,
        maxTokenAge: LIFETIME_SECONDS + 5,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw new InvalidEventsTokenError((error as Error).message);
    }
    if (payload.bd !== digestOf(body)) throw new InvalidEventsTokenError('events token signed for another body');
    return payload.sub!;
  };
}
