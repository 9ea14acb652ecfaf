import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import { compactJwsSigner } from './compact-jws';
import { validateNik, validateUnitCode } from '../identifiers';
import { MAX_COPIES_PER_TOKEN, type ForwardedRequest } from './caller';
import type { JsonWebKeySet } from './key-files';
import { operationDigestOf, type SignedOperation } from './operation-digest';
import { LocalReplayGuard, REPLAY_CLOCK_TOLERANCE_SECONDS, type ReplayGuard } from './replay-guard';
import { isPurpose, isRole } from './roles';

/** The header that carries the gateway's token to a subgraph; a user's Authorization is ignored there. */
export const GATEWAY_TOKEN_HEADER = 'x-jembatan-gateway-token';

/** Where the gateway asks a subgraph to record a merged request's read as its own (auditCopyRoute). */
export const AUDIT_COPY_PATH = '/audit-copy';

/**
 * On a subgraph's answer to the gateway: `recorded` when the request read personal data and its
 * audit record is written, `none` when it read nothing personal, so that a request of the same
 * caller the gateway merges into it needs no copy of a record that does not exist. The gateway
 * takes anything else, or no header (a subgraph of an older release), as `recorded`.
 */
export const AUDITED_READ_HEADER = 'x-jembatan-audited-read';

const ISSUER = 'jembatan-gateway';
const TOKEN_TYPE = 'jembatan-gateway+jwt';
/** Long enough for one subgraph fetch to reach its subgraph, short enough that a copy is soon useless. */
const LIFETIME_SECONDS = 30;
const CLOCK_TOLERANCE_SECONDS = REPLAY_CLOCK_TOLERANCE_SECONDS;

export class InvalidGatewayTokenError extends Error {}

/**
 * Signs what the gateway forwards to one subgraph (the audience) for one fetch of one operation
 * (text, variables and name, digested as `od`): a fresh `jti` each time.
 */
export async function createGatewayTokenSigner(privateJwk: JWK) {
  const signJws = compactJwsSigner(privateJwk, { typ: TOKEN_TYPE, kid: privateJwk.kid });
  return async (audience: string, forwarded: ForwardedRequest, operation: SignedOperation): Promise<string> => {
    const issuedAt = Math.floor(Date.now() / 1000);
    return signJws({
      agency: forwarded.caller.agency,
      roles: forwarded.caller.roles,
      ...(forwarded.caller.units ? { units: forwarded.caller.units } : {}),
      purpose: forwarded.purpose,
      ds: forwarded.dataSubject,
      rid: forwarded.requestId,
      op: forwarded.operationName,
      od: operationDigestOf(operation),
      ...(forwarded.copiesFor ? { copies: forwarded.copiesFor } : {}),
      iss: ISSUER,
      aud: audience,
      sub: forwarded.caller.subject,
      jti: randomUUID(),
      iat: issuedAt,
      exp: issuedAt + LIFETIME_SECONDS,
    });
  };
}

/** What a verified gateway token vouches for, and the digest of the operation it was signed for. */
export type VerifiedGatewayRequest = ForwardedRequest & { operationDigest: string };

/** Verifies a gateway token for this subgraph and returns what it vouches for; throws InvalidGatewayTokenError. */
export function createGatewayTokenVerifier(
  audience: string,
  gatewayKeys: JsonWebKeySet,
  /** Per replica unless the caller passes one shared by every replica of this subgraph. */
  replays: ReplayGuard = new LocalReplayGuard(),
) {
  const keySet = createLocalJWKSet(gatewayKeys);
  const algorithms = [...new Set(gatewayKeys.keys.map((key) => key.alg ?? 'EdDSA'))];
  /** `body` is the request body as the subgraph received it (query, variables, operationName). */
  return async (token: string | undefined, body: unknown): Promise<VerifiedGatewayRequest> => {
    if (!token) throw new InvalidGatewayTokenError('missing gateway token');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: ISSUER,
        audience,
        algorithms,
        typ: TOKEN_TYPE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'jti', 'exp', 'iat'],
      }));
    } catch (error) {
      throw new InvalidGatewayTokenError((error as Error).message);
    }
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    const units = payload.units;
    const copies = payload.copies;
    const purpose = payload.purpose ?? null;
    const dataSubject = payload.ds ?? null;
    if (
      !roles.every(isRole) ||
      typeof payload.agency !== 'string' ||
      (units !== undefined && !(Array.isArray(units) && units.every((unit) => validateUnitCode(unit).ok))) ||
      (purpose !== null && !isPurpose(purpose)) ||
      (dataSubject !== null && (typeof dataSubject !== 'string' || !validateNik(dataSubject).ok)) ||
      (dataSubject === null) !== (purpose !== 'DATA_SUBJECT_REQUEST') ||
      (copies !== undefined && !isListOfRequestIds(copies))
    ) {
      throw new InvalidGatewayTokenError('malformed gateway token claims');
    }
    const operation = signedOperationOf(body);
    const operationDigest = operation && operationDigestOf(operation);
    if (!operationDigest || payload.od !== operationDigest) {
      throw new InvalidGatewayTokenError('gateway token signed for another operation');
    }
    if (!(await replays.admit(payload.jti!, payload.exp!)))
      throw new InvalidGatewayTokenError('gateway token replayed');
    return {
      caller: { subject: payload.sub!, agency: payload.agency, roles, ...(units ? { units: units as string[] } : {}) },
      purpose,
      requestId: typeof payload.rid === 'string' ? payload.rid : randomUUID(),
      operationName: typeof payload.op === 'string' ? payload.op : null,
      dataSubject,
      ...(copies !== undefined ? { copiesFor: copies as string[] } : {}),
      operationDigest,
    };
  };
}

/** Request ids as the gateway makes them: non-empty, short, and not too many for one token. */
const isListOfRequestIds = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.length <= MAX_COPIES_PER_TOKEN &&
  value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 200);

/** The operation a request body carries, or undefined when it is not one the gateway could have signed. */
function signedOperationOf(body: unknown): SignedOperation | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string') return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return undefined;
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  return { query, variables: variables as SignedOperation['variables'], operationName };
}
