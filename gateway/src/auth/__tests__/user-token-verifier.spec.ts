import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { generatePrivateJwk, publicJwkOf, RequestRejectedError, type JWK } from '@jembatan/kit';
import { loadAuthKeys } from '../load-auth-keys';
import { createUserTokenMinter } from '../mint-user-token';
import { createUserTokenVerifier, type UserTokenSettings } from '../user-token-verifier';
import { testDataFolder } from '@jembatan/kit/testing';

const ISSUER = 'https://sso.jakarta.go.id/realms/pemprov';
const caller = { subject: 'siti.rahma', agency: 'pemprov-dki', roles: ['dki_hr' as const] };
const requestWith = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as IncomingMessage;

let identityProvider: JWK;
let jwksServer: Server;
let jwksUrl: string;
let jwksRequests = 0;
const folder = testDataFolder('jwks');

beforeAll(async () => {
  identityProvider = await generatePrivateJwk('RS256');
  jwksServer = createServer((_request, response) => {
    jwksRequests++;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [publicJwkOf(identityProvider)] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/protocol/openid-connect/certs`;
});
afterAll(async () => {
  await new Promise((resolve) => jwksServer.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

const settingsWith = (keys: UserTokenSettings['keys']): UserTokenSettings => ({
  issuer: ISSUER,
  audience: 'jembatan',
  keys,
  clockSkewSeconds: 30,
  maxTokenLifetimeSeconds: 12 * 3600,
});

describe('user tokens from a real identity provider', () => {
  it("verifies RS256 tokens against the provider's JWKS endpoint, fetching the keys once", async () => {
    const verify = createUserTokenVerifier(settingsWith({ url: jwksUrl }), () => {});
    const mint = await createUserTokenMinter(identityProvider, { issuer: ISSUER, audience: 'jembatan' });
    expect(await verify(requestWith(await mint(caller)))).toEqual(caller);
    expect(await verify(requestWith(await mint(caller)))).toEqual(caller);
    expect(jwksRequests).toBe(1);
  });

  it('verifies against a JWKS file named by configuration, and never loads private members from it', async () => {
    const path = join(folder, 'provider.jwks.json');
    writeFileSync(path, JSON.stringify({ keys: [identityProvider] }));
    const { auth } = await loadAuthKeys({
      auth: {
        issuer: ISSUER,
        audience: 'jembatan',
        userKeys: { file: path },
        clockSkewSeconds: 30,
        maxTokenLifetimeSeconds: 3600,
      },
      signingKey: { jwks: { keys: [await generatePrivateJwk('EdDSA')] } },
    });
    expect('keys' in auth.keys && auth.keys.keys.every((key) => key.d === undefined)).toBe(true);
    const mint = await createUserTokenMinter(identityProvider, { issuer: ISSUER, audience: 'jembatan' });
    expect(await createUserTokenVerifier(auth, () => {})(requestWith(await mint(caller)))).toEqual(caller);
  });

  it('keeps only the roles it knows, and logs why a token was refused without telling the caller', async () => {
    const reasons: string[] = [];
    const verify = createUserTokenVerifier(settingsWith({ url: jwksUrl }), (reason) => reasons.push(reason));
    const mint = await createUserTokenMinter(identityProvider, { issuer: ISSUER, audience: 'jembatan' });
    const widened = await mint({ ...caller, roles: ['dki_hr', 'superuser' as never] });
    expect((await verify(requestWith(widened))).roles).toEqual(['dki_hr']);
    const expired = await mint(caller, -120);
    const refusal = await verify(requestWith(expired)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RequestRejectedError);
    expect((refusal as RequestRejectedError).message).toBe('The token is invalid or expired');
    expect(reasons.join(' ')).toMatch(/exp/);
  });
});

describe("a unit officer's units claim", () => {
  it('keeps the unit codes it names, and names no unit when the claim is garbled (fails closed)', async () => {
    const verify = createUserTokenVerifier(settingsWith({ url: jwksUrl }), () => {});
    const mint = await createUserTokenMinter(identityProvider, { issuer: ISSUER, audience: 'jembatan' });
    const officer = await verify(requestWith(await mint({ ...caller, units: ['KEC-317401'] })));
    expect(officer.units).toEqual(['KEC-317401']);
    expect(await verify(requestWith(await mint(caller)))).not.toHaveProperty('units');
    const key = await importJWK(identityProvider, 'RS256');
    const garbled = await new SignJWT({ roles: ['dki_hr'], agency: 'pemprov-dki', units: 'KEC-317401' })
      .setProtectedHeader({ alg: 'RS256', kid: identityProvider.kid })
      .setIssuer(ISSUER)
      .setAudience('jembatan')
      .setSubject('siti.rahma')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
    expect((await verify(requestWith(garbled))).units).toEqual([]);
    const mixed = await mint({ ...caller, units: ['KEC-317401', 'Tebet' as string] });
    expect((await verify(requestWith(mixed))).units).toEqual(['KEC-317401']);
  });
});

const now = () => Math.floor(Date.now() / 1000);
/** A token from the identity provider with the claims given, signed as it signs. */
const signed = async (claims: JWTPayload) =>
  new SignJWT({ roles: ['dki_hr'], agency: 'pemprov-dki', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: identityProvider.kid })
    .setIssuer(ISSUER)
    .setAudience('jembatan')
    .sign(await importJWK(identityProvider, 'RS256'));

describe('user tokens whose age or subject cannot be trusted', () => {
  const HOUR = 3600;

  it.each<[string, () => JWTPayload]>([
    ['issued a day in the future', () => ({ sub: 'siti', iat: now() + 24 * HOUR, exp: now() + 25 * HOUR })],
    ['valid for a hundred years', () => ({ sub: 'siti', iat: now(), exp: now() + 100 * 365 * 24 * HOUR })],
    [
      'valid for a hundred years and silent on when it was issued',
      () => ({ sub: 'siti', exp: now() + 100 * 365 * 24 * HOUR }),
    ],
    ['for an empty subject', () => ({ sub: '', iat: now(), exp: now() + HOUR })],
  ])('refuses a token %s with 401, and logs why', async (_what, claims) => {
    const reasons: string[] = [];
    const verify = createUserTokenVerifier(settingsWith({ keys: [publicJwkOf(identityProvider)] }), (reason) =>
      reasons.push(reason),
    );
    const refusal = await verify(requestWith(await signed(claims()))).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RequestRejectedError);
    expect((refusal as RequestRejectedError).status).toBe(401);
    expect(reasons).toHaveLength(1);
  });

  it('accepts the same token with an ordinary lifetime', async () => {
    const verify = createUserTokenVerifier(settingsWith({ keys: [publicJwkOf(identityProvider)] }), () => {});
    const token = await signed({ sub: 'siti', iat: now(), exp: now() + HOUR });
    expect((await verify(requestWith(token))).subject).toBe('siti');
  });
});

describe('tokens verified lately', () => {
  const verifierWith = (overrides: Partial<UserTokenSettings>) =>
    createUserTokenVerifier({ ...settingsWith({ keys: [publicJwkOf(identityProvider)] }), ...overrides }, () => {});

  // A signature check builds a new caller each time: the same object back means none was made.
  it('checks the signature of a token sent again only once, and hands out a caller nobody can alter', async () => {
    const verify = verifierWith({});
    const token = await signed({ sub: 'siti', iat: now(), exp: now() + 3600 });
    const first = await verify(requestWith(token));
    expect(await verify(requestWith(token))).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.roles)).toBe(true);
    const other = await signed({ sub: 'budi', iat: now(), exp: now() + 3600 });
    expect((await verify(requestWith(other))).subject).toBe('budi');
  });

  it('checks the signature again once the trust period is over', async () => {
    const verify = verifierWith({ verifiedTokenTrustMs: 50 });
    const token = await signed({ sub: 'siti', iat: now(), exp: now() + 3600 });
    const first = await verify(requestWith(token));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await verify(requestWith(token));
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('refuses a remembered token once it expires, as the signature check would', async () => {
    const verify = verifierWith({ clockSkewSeconds: 0 });
    const token = await signed({ sub: 'siti', iat: now(), exp: now() + 1 });
    expect((await verify(requestWith(token))).subject).toBe('siti');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verify(requestWith(token))).rejects.toBeInstanceOf(RequestRejectedError);
  });

  it('never remembers a refused token', async () => {
    const reasons: string[] = [];
    const verify = createUserTokenVerifier(settingsWith({ keys: [publicJwkOf(identityProvider)] }), (reason) =>
      reasons.push(reason),
    );
    const future = await signed({ sub: 'siti', iat: now() + 24 * 3600, exp: now() + 25 * 3600 });
    await expect(verify(requestWith(future))).rejects.toBeInstanceOf(RequestRejectedError);
    await expect(verify(requestWith(future))).rejects.toBeInstanceOf(RequestRejectedError);
    expect(reasons).toHaveLength(2);
  });
});
