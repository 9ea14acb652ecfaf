import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateJwk, publicJwkOf, type HttpService } from '@jembatan/kit';
import { PURPOSE_DESCRIPTIONS, ROLE_DESCRIPTIONS } from '@jembatan/kit/access';
import { createUserTokenMinter, createUserTokenVerifier } from '../../auth';
import { DEVELOPMENT_TOKEN_LIFETIME_SECONDS } from '../development-token-route';
import { servePlayground } from './serve-playground';

const SETTINGS = { issuer: 'jembatan-dev', audience: 'jembatan' };

describe('POST /playground/token in development', () => {
  let service: HttpService;
  let origin: string;
  let handlerErrors: unknown[];
  let verify: (request: IncomingMessage) => Promise<unknown>;
  beforeAll(async () => {
    const key = await generatePrivateJwk('ES256');
    verify = createUserTokenVerifier(
      {
        ...SETTINGS,
        keys: { keys: [publicJwkOf(key)] },
        clockSkewSeconds: 0,
        maxTokenLifetimeSeconds: DEVELOPMENT_TOKEN_LIFETIME_SECONDS,
      },
      () => {},
    );
    ({ service, origin, handlerErrors } = await servePlayground({
      enabled: true,
      mintDevelopmentToken: await createUserTokenMinter(key, SETTINGS),
    }));
  });
  afterAll(async () => {
    await service.close();
    expect(handlerErrors).toEqual([]);
  });

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${origin}/playground/token`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('mints a short-lived token for the role that the gateway accepts', async () => {
    const before = Date.now();
    const response = await post(JSON.stringify({ role: 'dki_hr', purpose: 'HR_ADMINISTRATION' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { token: string; expiresAt: string };
    expect(body).toMatchObject({
      caller: { subject: 'playground-dki_hr', agency: 'jembatan-dev', roles: ['dki_hr'] },
      purpose: 'HR_ADMINISTRATION',
    });
    const lifetime = Date.parse(body.expiresAt) - before;
    expect(lifetime).toBeGreaterThanOrEqual(DEVELOPMENT_TOKEN_LIFETIME_SECONDS * 1000 - 1000);
    expect(lifetime).toBeLessThanOrEqual(DEVELOPMENT_TOKEN_LIFETIME_SECONDS * 1000 + 1000);
    const caller = await verify({ headers: { authorization: `Bearer ${body.token}` } } as IncomingMessage);
    expect(caller).toEqual({ subject: 'playground-dki_hr', agency: 'jembatan-dev', roles: ['dki_hr'] });
  });

  it('takes a role without a purpose', async () => {
    const response = await post(JSON.stringify({ role: 'analyst' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ purpose: null, caller: { roles: ['analyst'] } });
  });

  const json = (body: unknown) => ({ body: JSON.stringify(body), contentType: 'application/json' });
  it.each([
    ['an unknown role', 400, 'BAD_USER_INPUT', json({ role: 'admin' })],
    ['no role', 400, 'BAD_USER_INPUT', json({})],
    ['a JSON array', 400, 'BAD_USER_INPUT', json([])],
    ['an unknown purpose', 400, 'INVALID_PURPOSE', json({ role: 'analyst', purpose: 'CURIOSITY' })],
    ['a purpose the role may not declare', 403, 'PURPOSE_NOT_ALLOWED', json({ role: 'analyst', purpose: 'AUDIT' })],
    ['malformed JSON', 400, 'BAD_REQUEST', { body: '{"role":', contentType: 'application/json' }],
    ['a form post', 400, 'BAD_REQUEST', { body: 'role=analyst', contentType: 'application/x-www-form-urlencoded' }],
    ['an oversized body', 413, 'PAYLOAD_TOO_LARGE', json({ role: 'analyst', padding: 'x'.repeat(5000) })],
  ])('refuses %s with %i %s', async (_case, status, code, { body, contentType }) => {
    const response = await post(body, contentType);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code } }] });
  });

  it('refuses GET with 405', async () => {
    const response = await fetch(`${origin}/playground/token`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('tells the page where to get tokens, which purposes each role may declare and what each is for', async () => {
    const response = await fetch(`${origin}/playground/settings.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      graphqlPath: '/graphql',
      csvPath: '/csv',
      purposes: ['ENROLMENT', 'CLAIM_VERIFICATION', 'HR_ADMINISTRATION', 'STATISTICS', 'AUDIT', 'DATA_SUBJECT_REQUEST'],
      // The very words the kit's roles.ts gives them, next to the roles and purposes the policies grant.
      descriptions: { roles: ROLE_DESCRIPTIONS, purposes: PURPOSE_DESCRIPTIONS },
      developmentTokens: {
        path: '/playground/token',
        rolePurposes: {
          analyst: ['STATISTICS'],
          dki_hr: ['HR_ADMINISTRATION', 'ENROLMENT', 'STATISTICS', 'DATA_SUBJECT_REQUEST'],
          bpjs_officer: ['ENROLMENT', 'CLAIM_VERIFICATION', 'STATISTICS', 'DATA_SUBJECT_REQUEST'],
          auditor: ['AUDIT', 'DATA_SUBJECT_REQUEST'],
        },
      },
    });
  });
});

describe('the playground in production', () => {
  it('is not served unless enabled', async () => {
    const { service, origin } = await servePlayground({ enabled: false }, true);
    try {
      expect((await fetch(`${origin}/`)).status).toBe(404);
      expect((await fetch(`${origin}/playground/settings.json`)).status).toBe(404);
    } finally {
      await service.close();
    }
  });

  it('has no token endpoint when enabled, and tells the page to take a pasted token', async () => {
    const { service, origin } = await servePlayground({ enabled: true }, true);
    try {
      const token = await fetch(`${origin}/playground/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'analyst' }),
      });
      expect(token.status).toBe(404);
      expect(await (await fetch(`${origin}/playground/settings.json`)).json()).toMatchObject({
        developmentTokens: null,
      });
    } finally {
      await service.close();
    }
  });

  it('refuses to start with a development token minter', async () => {
    const mint = await createUserTokenMinter(await generatePrivateJwk('ES256'), SETTINGS);
    await expect(servePlayground({ enabled: true, mintDevelopmentToken: mint }, true)).rejects.toThrow(
      /never mints development tokens in production/,
    );
  });
});
