import { compactVerify, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { compactJwsSigner } from '../compact-jws';
import type { SigningAlgorithm } from '../key-files';

async function keyPair(alg: SigningAlgorithm) {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}),
  });
  return { privateJwk: { ...(await exportJWK(privateKey)), alg, kid: `spec-${alg}` } as JWK, publicKey };
}

describe('compact JWS signed with node:crypto', () => {
  it.each<SigningAlgorithm>(['EdDSA', 'ES256', 'RS256'])(
    'verifies with jose for %s, header and payload as given',
    async (alg) => {
      const { privateJwk, publicKey } = await keyPair(alg);
      const sign = compactJwsSigner(privateJwk, { typ: 'jembatan-gateway+jwt', kid: privateJwk.kid });
      const token = sign({ sub: 'hr-officer-1', roles: ['dki_hr'], purpose: null });
      const { payload } = await compactVerify(token, publicKey);
      expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({
        sub: 'hr-officer-1',
        roles: ['dki_hr'],
        purpose: null,
      });
      expect(decodeProtectedHeader(token)).toEqual({ alg, typ: 'jembatan-gateway+jwt', kid: `spec-${alg}` });
    },
  );

  it('makes a token whose altered payload no longer verifies', async () => {
    const { privateJwk, publicKey } = await keyPair('EdDSA');
    const token = compactJwsSigner(privateJwk, {})({ roles: ['dki_hr'] });
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ roles: ['bpjs_officer'] })).toString('base64url')}.${signature}`;
    await expect(compactVerify(forged, publicKey)).rejects.toThrow();
  });

  it('refuses a key of an algorithm it does not sign with', async () => {
    const { privateJwk } = await keyPair('ES256');
    expect(() => compactJwsSigner({ ...privateJwk, alg: 'PS256' }, {})).toThrow(/unsupported algorithm PS256/);
    // The key itself stays usable by jose: the refusal is ours, about the algorithm only.
    await expect(importJWK(privateJwk, 'ES256')).resolves.toBeDefined();
  });
});
