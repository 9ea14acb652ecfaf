import type { UserTokenSettings } from '@jembatan/gateway';
import {
  generatePrivateJwk,
  publicJwkOf,
  type Caller,
  type JsonWebKeySet,
  type JWK,
  type Purpose,
  type Role,
} from '@jembatan/kit';

/** Keys made fresh for one running supergraph: an identity provider's and the gateway's own. */
export interface TestKeys {
  userIssuer: JWK;
  gatewaySigning: JWK;
}

export const TEST_ISSUER = 'jembatan-test';
export const TEST_AUDIENCE = 'jembatan';

export async function generateTestKeys(): Promise<TestKeys> {
  return { userIssuer: await generatePrivateJwk('ES256'), gatewaySigning: await generatePrivateJwk('EdDSA') };
}

export const publicSetOf = (key: JWK): JsonWebKeySet => ({ keys: [publicJwkOf(key)] });

/** How a gateway under test verifies user tokens: those the test identity provider signs with `keys`. */
export const testUserTokenSettings = (keys: TestKeys): UserTokenSettings => ({
  issuer: TEST_ISSUER,
  audience: TEST_AUDIENCE,
  keys: publicSetOf(keys.userIssuer),
  clockSkewSeconds: 30,
  maxTokenLifetimeSeconds: 12 * 3600,
});

/** Who a test query is sent as: a caller with roles, or no token at all. */
export interface SendAs {
  as?: Caller | null;
  purpose?: Purpose | null;
  /** The NIK a DATA_SUBJECT_REQUEST is about: the X-Data-Subject header, or the claim in a subgraph's token. */
  dataSubject?: string;
  headers?: Record<string, string>;
}

export function callerWith(...roles: Role[]): Caller {
  return { subject: `test-${roles.join('+') || 'nobody'}`, agency: 'jembatan-test', roles };
}

/**
 * The caller tests send as unless they say otherwise: staff of both agencies, declaring a
 * purpose both roles may use, so tests about something else are not about authorization.
 */
export const STAFF_OF_BOTH_AGENCIES: Caller = callerWith('dki_hr', 'bpjs_officer');
export const DEFAULT_TEST_PURPOSE: Purpose = 'ENROLMENT';
