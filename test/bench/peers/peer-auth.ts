import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
// The kit's access functions alone: its root would load the database and GraphQL server code
// (about 58 MB) into a peer gateway, whose RSS is measured.
import {
  createGatewayTokenSigner,
  GATEWAY_TOKEN_HEADER,
  isPurpose,
  isRole,
  mayDeclare,
  readJwks,
  readPrivateJwk,
  type ForwardedRequest,
  type Purpose,
  type SignedOperation,
} from '@jembatan/kit/access';
import { validateNik } from '@jembatan/kit/identifiers';
import { operationNamesByBody } from './published-operations';

export { GATEWAY_TOKEN_HEADER };

/** As the gateway's user-token-verifier.ts (not imported: it loads the whole kit). */
const USER_TOKEN_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

/** A request a peer gateway refuses before planning, with the status and code Jembatan's gateway uses. */
export class PeerRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

/** Where a peer gateway finds what Jembatan's gateway reads from the same variables. */
export interface PeerSettings {
  port: number;
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
}

export function readPeerSettings(env: NodeJS.ProcessEnv = process.env): PeerSettings {
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  return {
    port: Number(required('PEER_PORT')),
    supergraphSdl: readFileSync(required('SUPERGRAPH_PATH'), 'utf8'),
    subgraphUrls: { workforce: required('WORKFORCE_URL'), bpjs: required('BPJS_URL') },
  };
}

/**
 * What a peer gateway does for Jembatan's subgraphs, with the kit's own functions: verify the
 * user's bearer token (same algorithms, issuer, audience), take the purpose and data subject
 * from the same headers, name the published operation the body is, and sign each subgraph fetch
 * with the gateway key, bound to the operation as sent.
 */
export async function createPeerAuth(env: NodeJS.ProcessEnv = process.env) {
  const issuer = env.AUTH_ISSUER ?? '';
  const audience = env.AUTH_AUDIENCE ?? 'jembatan';
  const userKeys = createLocalJWKSet(readJwks(env.AUTH_JWKS_PATH ?? ''));
  const sign = await createGatewayTokenSigner(readPrivateJwk(env.GATEWAY_SIGNING_KEY_PATH ?? ''));
  const nameByBody = operationNamesByBody(env.TRUSTED_OPERATIONS_MANIFEST_PATH ?? '');

  /** `headers`: Node's (Apollo) or a Fetch API Headers (Hive's own class: not `instanceof` the global one). */
  async function forwardedRequestOf(headers: IncomingHttpHeaders | Pick<Headers, 'get'>, query: unknown) {
    const header = (name: string) => {
      const value = typeof headers.get === 'function' ? headers.get(name) : (headers as IncomingHttpHeaders)[name];
      return typeof value === 'string' && value !== '' ? value : null;
    };
    const bearer = /^Bearer (\S+)$/.exec(header('authorization') ?? '');
    if (!bearer) throw new PeerRefusal(401, 'UNAUTHENTICATED');
    let payload;
    try {
      ({ payload } = await jwtVerify(bearer[1]!, userKeys, {
        issuer,
        audience,
        algorithms: USER_TOKEN_ALGORITHMS,
        clockTolerance: 30,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch {
      throw new PeerRefusal(401, 'UNAUTHENTICATED');
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    const declared = header('x-purpose');
    if (declared !== null && !isPurpose(declared)) throw new PeerRefusal(400, 'INVALID_PURPOSE');
    const purpose: Purpose | null = declared;
    if (purpose !== null && !mayDeclare(roles, purpose)) throw new PeerRefusal(403, 'PURPOSE_NOT_ALLOWED');
    const dataSubject = header('x-data-subject');
    if (dataSubject === null && purpose === 'DATA_SUBJECT_REQUEST') throw new PeerRefusal(400, 'DATA_SUBJECT_REQUIRED');
    if (dataSubject !== null && purpose !== 'DATA_SUBJECT_REQUEST') {
      throw new PeerRefusal(400, 'DATA_SUBJECT_WITHOUT_PURPOSE');
    }
    if (dataSubject !== null && !validateNik(dataSubject).ok) throw new PeerRefusal(400, 'INVALID_NIK');
    const forwarded: ForwardedRequest = {
      caller: {
        subject: payload.sub!,
        agency: typeof payload.agency === 'string' ? payload.agency : 'unknown',
        roles,
      },
      purpose,
      requestId: randomUUID(),
      // Each manifest body holds one operation, so the body alone names it.
      operationName: (typeof query === 'string' && nameByBody.get(query)) || null,
      dataSubject,
    };
    return forwarded;
  }

  return {
    forwardedRequestOf,
    signFetch: (agency: string, forwarded: ForwardedRequest, operation: SignedOperation) =>
      sign(agency, forwarded, operation),
  };
}

export type PeerAuth = Awaited<ReturnType<typeof createPeerAuth>>;
