import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import type { ForwardedRequest } from '../caller';
import { createGatewayTokenSigner, createGatewayTokenVerifier, InvalidGatewayTokenError } from '../internal-token';
import { publicJwkOf } from '../key-files';

const signingKey: JWK = {
  ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
  alg: 'EdDSA',
  kid: 'spec',
};
const forwarded = (overrides: Partial<ForwardedRequest> = {}): ForwardedRequest => ({
  caller: { subject: 'hr-officer-1', agency: 'pemprov-dki', roles: ['dki_hr'] },
  purpose: 'HR_ADMINISTRATION',
  requestId: randomUUID(),
  operationName: 'UnitStaff',
  dataSubject: null,
  ...overrides,
});
const PAGE = {
  query:
    'query UnitStaff__workforce__0($code: String!, $first: Int) { unit(code: $code) { workers(first: $first) { totalCount } } }',
  variables: { code: 'KEC-317401', first: 10 },
  operationName: 'UnitStaff__workforce__0',
};

async function signerAndVerifier() {
  const sign = await createGatewayTokenSigner(signingKey);
  const verify = createGatewayTokenVerifier('workforce', { keys: [publicJwkOf(signingKey)] });
  return { sign, verify };
}

describe('the gateway token binds one operation as sent', () => {
  it('accepts the body it was signed for, whatever the order of its variables', async () => {
    const { sign, verify } = await signerAndVerifier();
    const token = await sign('workforce', forwarded(), PAGE);
    const body = { ...PAGE, variables: { first: 10, code: 'KEC-317401' } };
    await expect(verify(token, body)).resolves.toMatchObject({ operationName: 'UnitStaff', dataSubject: null });
  });

  it.each([
    ['another unit', { ...PAGE, variables: { code: 'KEC-317402', first: 10 } }],
    ['a larger page', { ...PAGE, variables: { code: 'KEC-317401', first: 100 } }],
    ['no variables', { query: PAGE.query, operationName: PAGE.operationName }],
    ['another operation name', { ...PAGE, operationName: 'Other' }],
    ['another query', { ...PAGE, query: '{ workforceStatistics { workerCount } }' }],
    ['a body without a query', { variables: PAGE.variables }],
  ])('refuses it carried over to %s', async (_case, body) => {
    const { sign, verify } = await signerAndVerifier();
    const token = await sign('workforce', forwarded(), PAGE);
    await expect(verify(token, body)).rejects.toThrow(InvalidGatewayTokenError);
  });

  it('carries the data subject of a DATA_SUBJECT_REQUEST, and only with that purpose', async () => {
    const { sign, verify } = await signerAndVerifier();
    const subject = forwarded({ purpose: 'DATA_SUBJECT_REQUEST', dataSubject: '3174010104930168' });
    await expect(verify(await sign('workforce', subject, PAGE), PAGE)).resolves.toMatchObject({
      purpose: 'DATA_SUBJECT_REQUEST',
      dataSubject: '3174010104930168',
    });
    for (const malformed of [
      forwarded({ purpose: 'DATA_SUBJECT_REQUEST', dataSubject: null }),
      forwarded({ purpose: 'HR_ADMINISTRATION', dataSubject: '3174010104930168' }),
      forwarded({ purpose: 'DATA_SUBJECT_REQUEST', dataSubject: '3174010104930168\u0000' }),
    ]) {
      await expect(verify(await sign('workforce', malformed, PAGE), PAGE)).rejects.toThrow(
        'malformed gateway token claims',
      );
    }
  });

  it("carries the units a unit's officer administers, and refuses a claim that names no unit code", async () => {
    const { sign, verify } = await signerAndVerifier();
    const officer = { subject: 'hr-kec-tebet', agency: 'pemprov-dki', roles: ['dki_hr' as const] };
    const scoped = forwarded({ caller: { ...officer, units: ['KEC-317401', 'KEL-3174011001'] } });
    await expect(verify(await sign('workforce', scoped, PAGE), PAGE)).resolves.toMatchObject({
      caller: { units: ['KEC-317401', 'KEL-3174011001'] },
    });
    const province = await verify(await sign('workforce', forwarded(), PAGE), PAGE);
    expect(province.caller).not.toHaveProperty('units');
    const garbled = forwarded({ caller: { ...officer, units: ['Kecamatan Tebet'] } });
    await expect(verify(await sign('workforce', garbled, PAGE), PAGE)).rejects.toThrow(
      'malformed gateway token claims',
    );
  });
});
