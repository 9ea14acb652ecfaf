import { describe, expect, it } from 'vitest';
import { subjectOfBearer } from '../token-subject';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('subjectOfBearer', () => {
  it("reads the subject the audit trails record from a bearer token's claims", () => {
    const token = `${base64url({ alg: 'ES256' })}.${base64url({ sub: 'playground-dki_hr', roles: ['dki_hr'] })}.sig`;
    expect(subjectOfBearer(`Bearer ${token}`)).toBe('playground-dki_hr');
  });

  it('has none for no token, a token without a subject, or one that is not a JWT', () => {
    expect(subjectOfBearer(undefined)).toBeNull();
    expect(subjectOfBearer(`Bearer ${base64url({})}.${base64url({ roles: [] })}.sig`)).toBeNull();
    expect(subjectOfBearer('Bearer not-a-token')).toBeNull();
    expect(subjectOfBearer('Bearer a.%%%.c')).toBeNull();
  });
});
