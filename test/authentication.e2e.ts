import { createHmac } from 'node:crypto';
import { importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GATEWAY_TOKEN_HEADER,
  generatePrivateJwk,
  publicJwkOf,
  operationDigestOf,
  type SignedOperation,
} from '@jembatan/kit';
import { callerWith, startSupergraph, TEST_AUDIENCE, TEST_ISSUER, type RunningSupergraph } from './harness';

const QUERY = JSON.stringify({ query: '{ workforceStatistics { unitCount } }' });
const analyst = callerWith('analyst');

let supergraph: RunningSupergraph;
beforeAll(async () => {
  supergraph = await startSupergraph();
});
afterAll(() => supergraph?.stop());

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

interface Draft {
  key?: JWK;
  issuer?: string;
  audience?: string;
  expiresAt?: number;
  alg?: string;
}

/** A user token with one thing wrong, signed as an identity provider (or an attacker) would. */
async function userToken(draft: Draft = {}): Promise<string> {
  const key = draft.key ?? supergraph.keys.userIssuer;
  const alg = draft.alg ?? key.alg!;
  return new SignJWT({ roles: ['analyst'], agency: 'bps' })
    .setProtectedHeader({ alg, kid: key.kid })
    .setIssuer(draft.issuer ?? TEST_ISSUER)
    .setAudience(draft.audience ?? TEST_AUDIENCE)
    .setSubject('probe')
    .setIssuedAt()
    .setExpirationTime(draft.expiresAt ?? Math.floor(Date.now() / 1000) + 600)
    .sign(await importJWK(key, alg));
}

/** `alg: none`: a token anyone can write. */
function unsignedToken(): string {
  const header = base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const claims = { iss: TEST_ISSUER, aud: TEST_AUDIENCE, sub: 'probe', roles: ['auditor'], exp: 9_999_999_999 };
  return `${header}.${base64url(JSON.stringify(claims))}.`;
}

/** Algorithm confusion: HS256 "signed" with the identity provider's public key as the HMAC secret. */
function hmacWithPublicKey(): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: supergraph.keys.userIssuer.kid }));
  const claims = { iss: TEST_ISSUER, aud: TEST_AUDIENCE, sub: 'probe', roles: ['auditor'], exp: 9_999_999_999 };
  const body = `${header}.${base64url(JSON.stringify(claims))}`;
  const secret = JSON.stringify(publicJwkOf(supergraph.keys.userIssuer));
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

async function sendWith(authorization: string | null) {
  const { status, text } = await supergraph.post(QUERY, {
    as: null,
    purpose: null,
    headers: authorization === null ? {} : { authorization },
  });
  return { status, body: JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

describe('authentication at the gateway', () => {
  it('answers a caller with a valid token', async () => {
    const { status, body } = await sendWith(`Bearer ${await userToken()}`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it.each<[string, () => Promise<string | null>]>([
    ['no Authorization header', async () => null],
    ['a scheme other than Bearer', async () => `Basic ${base64url('admin:admin')}`],
    ['a token that is not a JWT', async () => 'Bearer not-a-token'],
    ['alg: none', async () => `Bearer ${unsignedToken()}`],
    ['HS256 keyed with the public key (algorithm confusion)', async () => `Bearer ${hmacWithPublicKey()}`],
    ['a wrong issuer', async () => `Bearer ${await userToken({ issuer: 'https://evil.example' })}`],
    ['a wrong audience', async () => `Bearer ${await userToken({ audience: 'another-service' })}`],
    [
      'a token expired beyond the clock skew',
      async () => `Bearer ${await userToken({ expiresAt: Math.floor(Date.now() / 1000) - 120 })}`,
    ],
    [
      'a key the gateway does not trust',
      async () => `Bearer ${await userToken({ key: await generatePrivateJwk('ES256') })}`,
    ],
    [
      'a tampered payload',
      async () => `Bearer ${(await userToken()).replace(/\.[^.]+\./, `.${base64url('{"sub":"x"}')}.`)}`,
    ],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_case, authorization) => {
    const { status, body } = await sendWith(await authorization());
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('tolerates a token that expired within the configured clock skew', async () => {
    const { status } = await sendWith(`Bearer ${await userToken({ expiresAt: Math.floor(Date.now() / 1000) - 10 })}`);
    expect(status).toBe(200);
  });

  it('refuses an unknown purpose with 400 and a purpose the role may not declare with 403', async () => {
    const unknown = await supergraph.post(QUERY, { as: analyst, purpose: null, headers: { 'x-purpose': 'statistic' } });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text).errors[0]).toMatchObject({
      message:
        'X-Purpose "statistic" is not a purpose of access. Did you mean STATISTICS? Declare one of: ENROLMENT, CLAIM_VERIFICATION, HR_ADMINISTRATION, STATISTICS, AUDIT, DATA_SUBJECT_REQUEST.',
      extensions: { code: 'INVALID_PURPOSE' },
    });
    const notAllowed = await supergraph.post(QUERY, { as: analyst, purpose: 'CLAIM_VERIFICATION' });
    expect(notAllowed.status).toBe(403);
    expect(JSON.parse(notAllowed.text).errors[0]).toMatchObject({
      message: 'None of your roles (analyst) may declare CLAIM_VERIFICATION; they may declare STATISTICS.',
      extensions: { code: 'PURPOSE_NOT_ALLOWED' },
    });
  });
});

describe('subgraphs answer only the gateway', () => {
  const operations = {
    query: { query: '{ workforceStatistics { unitCount } }' },
    _entities: {
      query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { name } } }',
      variables: { r: [{ __typename: 'Unit', code: 'DINKES' }] },
    },
    _service: { query: '{ _service { sdl } }' },
  };

  it.each(Object.entries(operations))('refuses %s without a gateway token, with 401', async (_name, operation) => {
    const { status, body } = await supergraph.postToSubgraph('workforce', operation, { as: null });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a user token copied from a client, in either header', async () => {
    const copied = await supergraph.tokenFor(callerWith('auditor'));
    const placements: Record<string, string>[] = [
      { authorization: `Bearer ${copied}` },
      { [GATEWAY_TOKEN_HEADER]: copied },
    ];
    for (const headers of placements) {
      const { status } = await supergraph.postToSubgraph('workforce', operations.query, { as: null, headers });
      expect(status).toBe(401);
    }
  });

  it('refuses forged identity headers', async () => {
    const headers = { 'x-caller-roles': 'auditor', 'x-purpose': 'AUDIT', 'x-forwarded-user': 'admin' };
    const { status } = await supergraph.postToSubgraph('bpjs', { query: '{ __typename }' }, { as: null, headers });
    expect(status).toBe(401);
  });

  /** A gateway token as the gateway would sign it, with claims overridden. */
  async function gatewayToken(
    overrides: { audience?: string; issuedAt?: number; key?: JWK; operation?: SignedOperation } = {},
  ) {
    const key = overrides.key ?? supergraph.keys.gatewaySigning;
    const issuedAt = overrides.issuedAt ?? Math.floor(Date.now() / 1000);
    const od = operationDigestOf(overrides.operation ?? operations.query);
    return new SignJWT({
      agency: 'jembatan-test',
      roles: ['dki_hr'],
      purpose: null,
      ds: null,
      rid: 'r-1',
      op: null,
      od,
    })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'jembatan-gateway+jwt', kid: key.kid })
      .setIssuer('jembatan-gateway')
      .setAudience(overrides.audience ?? 'workforce')
      .setSubject('probe')
      .setJti(crypto.randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 30)
      .sign(await importJWK(key, 'EdDSA'));
  }

  const withGatewayToken = async (token: string, operation: SignedOperation = operations.query) =>
    (
      await supergraph.postToSubgraph('workforce', operation, {
        as: null,
        headers: { [GATEWAY_TOKEN_HEADER]: token },
      })
    ).status;

  it('accepts a gateway token once, and refuses it replayed', async () => {
    const token = await gatewayToken({});
    expect(await withGatewayToken(token)).toBe(200);
    expect(await withGatewayToken(token)).toBe(401);
  });

  it('refuses a gateway token carried over to another query', async () => {
    const forStatistics = await gatewayToken({ operation: { query: '{ workforceStatistics { workerCount } }' } });
    expect(await withGatewayToken(forStatistics)).toBe(401);
  });

  it('refuses a gateway token carried over to the same query with other variables or another operation name', async () => {
    const unitPage = {
      query: 'query Page($code: ID!, $first: Int) { unit(code: $code) { workers(first: $first) { totalCount } } }',
      variables: { code: 'KEC-317401', first: 2 },
      operationName: 'Page',
    };
    const otherUnit = { ...unitPage, variables: { code: 'KEC-317402', first: 2 } };
    const largerPage = { ...unitPage, variables: { code: 'KEC-317401', first: 100 } };
    expect(await withGatewayToken(await gatewayToken({ operation: unitPage }), otherUnit)).toBe(401);
    expect(await withGatewayToken(await gatewayToken({ operation: unitPage }), largerPage)).toBe(401);
    const unnamed = { query: `${unitPage.query} query Other { __typename }`, variables: unitPage.variables };
    const signedForPage = await gatewayToken({ operation: { ...unnamed, operationName: 'Page' } });
    expect(await withGatewayToken(signedForPage, { ...unnamed, operationName: 'Other' })).toBe(401);
    // The same operation, variables in another key order: the digest is of their values.
    const reordered = { ...unitPage, variables: { first: 2, code: 'KEC-317401' } };
    expect(await withGatewayToken(await gatewayToken({ operation: unitPage }), reordered)).toBe(200);
  });

  it('refuses an expired gateway token, one signed for another agency, and one signed by another key', async () => {
    expect(await withGatewayToken(await gatewayToken({ issuedAt: Math.floor(Date.now() / 1000) - 120 }))).toBe(401);
    expect(await withGatewayToken(await gatewayToken({ audience: 'bpjs' }))).toBe(401);
    expect(await withGatewayToken(await gatewayToken({ key: await generatePrivateJwk('EdDSA') }))).toBe(401);
  });

  it('keeps serving the gateway after every refusal', async () => {
    const { status, body } = await supergraph.query('{ workforceStatistics { unitCount } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
