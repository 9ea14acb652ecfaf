import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { isRole, type Caller, type JsonWebKeySet } from '@jembatan/kit/access';
import { RequestRejectedError } from '@jembatan/kit/http';
import { validateUnitCode } from '@jembatan/kit/identifiers';
import { tokenLifetimeProblem } from './token-lifetime';
import { VerifiedTokens, VERIFIED_TOKEN_TRUST_MS } from './verified-tokens';

/**
 * Only asymmetric signatures: a token signed with HMAC, or with `alg: none`, can be made by
 * anyone who knows the public key (the classic algorithm-confusion attack), so it is refused.
 */
export const USER_TOKEN_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

export interface UserTokenSettings {
  issuer: string;
  audience: string;
  /** The identity provider's keys: its JWKS endpoint, or a set read from a file. */
  keys: { url: string } | JsonWebKeySet;
  clockSkewSeconds: number;
  /** The longest a token may live (`exp - iat`); see tokenLifetimeProblem. */
  maxTokenLifetimeSeconds: number;
  /** How long a verified token is trusted before its signature is checked again; see VerifiedTokens. */
  verifiedTokenTrustMs?: number;
}

const unauthenticated = (message: string) =>
  new RequestRejectedError(401, 'UNAUTHENTICATED', message, { 'www-authenticate': 'Bearer realm="jembatan"' });

/**
 * The `units` claim as the units the caller administers; a claim that is not a list of unit codes
 * names none (fails closed: a unit officer whose claim is garbled may change no unit's staff).
 */
function unitsOf(claim: unknown): readonly string[] | undefined {
  if (claim === undefined) return undefined;
  if (!Array.isArray(claim)) return Object.freeze([]);
  return Object.freeze(claim.filter((unit): unit is string => typeof unit === 'string' && validateUnitCode(unit).ok));
}

function callerOf(payload: JWTPayload): Caller {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
  const agency = typeof payload.agency === 'string' && payload.agency.length > 0 ? payload.agency : 'unknown';
  const units = unitsOf(payload.units);
  // Frozen: the same caller is handed to every request that sends this token (VerifiedTokens).
  return Object.freeze({
    subject: payload.sub!,
    agency,
    roles: Object.freeze(roles) as Caller['roles'],
    ...(units ? { units } : {}),
  });
}

/**
 * Verifies `Authorization: Bearer <JWT>` and returns the caller it names. Every failure is a
 * 401 with one message: which check failed is logged, not told to whoever is probing.
 */
export function createUserTokenVerifier(settings: UserTokenSettings, onRefused: (reason: string) => void) {
  const keys =
    'url' in settings.keys ? createRemoteJWKSet(new URL(settings.keys.url)) : createLocalJWKSet(settings.keys);
  const verified = new VerifiedTokens(
    settings.clockSkewSeconds,
    settings.verifiedTokenTrustMs ?? VERIFIED_TOKEN_TRUST_MS,
  );
  return async (request: IncomingMessage): Promise<Caller> => {
    const header = request.headers.authorization;
    if (!header) throw unauthenticated('Send a token: Authorization: Bearer <JWT> (in development, `pnpm token`)');
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(header);
    if (!match) {
      onRefused('malformed Authorization header');
      throw unauthenticated('The Authorization header is not a bearer token');
    }
    const token = match[1]!;
    const known = verified.callerOf(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: USER_TOKEN_ALGORITHMS,
        clockTolerance: settings.clockSkewSeconds,
        requiredClaims: ['sub', 'exp'],
      });
      const problem = tokenLifetimeProblem(payload, {
        clockSkewSeconds: settings.clockSkewSeconds,
        maxLifetimeSeconds: settings.maxTokenLifetimeSeconds,
      });
      if (problem) throw new Error(problem);
      const caller = callerOf(payload);
      verified.remember(token, caller, payload.exp!);
      return caller;
    } catch (error) {
      onRefused((error as Error).message);
      throw unauthenticated('The token is invalid or expired');
    }
  };
}
