import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForwardedRequest } from '../../access/caller';
import {
  AUDIT_COPY_PATH,
  createGatewayTokenSigner,
  createGatewayTokenVerifier,
  GATEWAY_TOKEN_HEADER,
} from '../../access/internal-token';
import { publicJwkOf } from '../../access/key-files';
import { operationDigestOf, type SignedOperation } from '../../access/operation-digest';
import { auditTrailMigrations } from '../../audit/audit-trail.migration';
import { GroupedAuditAppends } from '../../audit/grouped-audit-appends';
import { RecentReads } from '../../audit/recent-reads';
import type { Database } from '../../db/database';
import { silentLogger } from '../../log';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { sampleAuditEntry } from '../../testing/sample-audit-entry';
import { auditCopyRoute } from '../audit-copy-route';

const signingKey: JWK = {
  ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
  alg: 'EdDSA',
  kid: randomUUID(),
};
const signer = createGatewayTokenSigner(signingKey);

const OPERATION: SignedOperation = {
  query: 'query ($nik: String!) { worker(nik: $nik) { monthlyWage } }',
  variables: { nik: '3174015203850001' },
};
/** The leader's read as the audit trail plugin remembered it. */
const LEADER = sampleAuditEntry('leader-request');

const forwardedAs = (requestId: string, changes: Partial<ForwardedRequest> = {}): ForwardedRequest => ({
  caller: {
    subject: LEADER.callerSubject,
    agency: LEADER.callerAgency,
    roles: [...LEADER.callerRoles] as ForwardedRequest['caller']['roles'],
  },
  purpose: 'HR_ADMINISTRATION',
  requestId,
  operationName: LEADER.operationName,
  dataSubject: null,
  ...changes,
});

describe.each(TEST_ENGINES)('audit copies of merged fetches on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'audit-copy', auditTrailMigrations));
    const recentReads = new RecentReads();
    recentReads.remember(operationDigestOf(OPERATION), LEADER);
    const route = auditCopyRoute({
      appends: new GroupedAuditAppends(database),
      recentReads,
      verifyGatewayToken: createGatewayTokenVerifier('workforce', { keys: [publicJwkOf(signingKey)] }),
      logger: silentLogger,
      bodyLimitBytes: 64 * 1024,
    });
    server = createServer((request, response) => void route(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${AUDIT_COPY_PATH}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await dispose?.();
  });

  const recordsOf = (requestId: string) =>
    database.dataSource.query<{ caller_subject: string; subjects: string[]; fields: string[] }[]>(
      'SELECT caller_subject, subjects, fields FROM audit_log WHERE request_id = $1',
      [requestId],
    );

  async function askCopy(forwarded: ForwardedRequest, body: unknown, signedFor: SignedOperation = OPERATION) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [GATEWAY_TOKEN_HEADER]: await (await signer)('workforce', forwarded, signedFor),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const answer = (await response.json()) as { recorded?: number; errors?: { extensions: { code: string } }[] };
    return { status: response.status, code: answer.errors?.[0]?.extensions.code, answer };
  }

  it("records the follower's read as its own, a copy of the leader's under the follower's request id", async () => {
    const follower = `follower-${randomUUID()}`;
    const reply = await askCopy(forwardedAs(follower), { ...OPERATION, copyOf: LEADER.requestId });
    expect(reply).toMatchObject({ status: 201, answer: { recorded: 1 } });
    expect(await recordsOf(follower)).toEqual([
      { caller_subject: LEADER.callerSubject, subjects: [...LEADER.subjects], fields: [...LEADER.fields] },
    ]);
  });

  it('records a copy for each request a token names (copiesFor), in one call', async () => {
    const followers = Array.from({ length: 5 }, () => `follower-${randomUUID()}`);
    const reply = await askCopy(
      { ...forwardedAs(followers[0]!), copiesFor: followers },
      { ...OPERATION, copyOf: LEADER.requestId },
    );
    expect(reply).toMatchObject({ status: 201, answer: { recorded: 5 } });
    for (const follower of followers) {
      expect(await recordsOf(follower)).toEqual([
        { caller_subject: LEADER.callerSubject, subjects: [...LEADER.subjects], fields: [...LEADER.fields] },
      ]);
    }
  });

  it('refuses a token that names no request, or too many, to copy for', async () => {
    const follower = `follower-${randomUUID()}`;
    for (const copiesFor of [[], Array.from({ length: 65 }, (_, index) => `r${index}`)]) {
      const reply = await askCopy({ ...forwardedAs(follower), copiesFor }, { ...OPERATION, copyOf: LEADER.requestId });
      expect(reply).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    }
    expect(await recordsOf(follower)).toEqual([]);
  });

  it.each([
    ['another caller', { caller: { subject: 'someone.else@jakarta.go.id', agency: 'pemprov-dki', roles: ['dki_hr'] } }],
    ['other roles', { caller: { subject: LEADER.callerSubject, agency: 'pemprov-dki', roles: ['dki_hr', 'auditor'] } }],
    ['another purpose', { purpose: 'ENROLMENT' }],
    ['another published operation', { operationName: 'WorkerEnrolment' }],
  ] as [string, Partial<ForwardedRequest>][])(
    'refuses a copy for %s with 403 and writes nothing',
    async (_, changes) => {
      const follower = `follower-${randomUUID()}`;
      const reply = await askCopy(forwardedAs(follower, changes), { ...OPERATION, copyOf: LEADER.requestId });
      expect(reply).toMatchObject({ status: 403, code: 'AUDIT_COPY_MISMATCH' });
      expect(await recordsOf(follower)).toEqual([]);
    },
  );

  it('answers 404 for a read it does not hold: unknown request, or another operation', async () => {
    const follower = `follower-${randomUUID()}`;
    expect(await askCopy(forwardedAs(follower), { ...OPERATION, copyOf: 'never-seen' })).toMatchObject({
      status: 404,
      code: 'AUDIT_COPY_UNAVAILABLE',
    });
    const otherPage = { ...OPERATION, variables: { nik: '3174015203850002' } };
    expect(await askCopy(forwardedAs(follower), { ...otherPage, copyOf: LEADER.requestId }, otherPage)).toMatchObject({
      status: 404,
      code: 'AUDIT_COPY_UNAVAILABLE',
    });
    expect(await recordsOf(follower)).toEqual([]);
  });

  it('refuses a token signed for another operation, or none, with 401', async () => {
    const follower = `follower-${randomUUID()}`;
    const signedElsewhere = { query: '{ workforceStatistics { workerCount } }' };
    expect(
      await askCopy(forwardedAs(follower), { ...OPERATION, copyOf: LEADER.requestId }, signedElsewhere),
    ).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const unsigned = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...OPERATION, copyOf: LEADER.requestId }),
    });
    expect(unsigned.status).toBe(401);
    expect(await recordsOf(follower)).toEqual([]);
  });

  it('refuses a body that is not JSON or names no copyOf with 400', async () => {
    expect(await askCopy(forwardedAs('x'), 'not json')).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(await askCopy(forwardedAs('y'), { ...OPERATION })).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });
});

describe('recent reads', () => {
  it('forget a read after its time, and the oldest beyond the bound', () => {
    let now = 0;
    const reads = new RecentReads(2, 1_000, () => now);
    reads.remember('digest', sampleAuditEntry('a'));
    reads.remember('digest', sampleAuditEntry('b'));
    expect(reads.find('a', 'digest')?.requestId).toBe('a');
    expect(reads.find('a', 'other digest')).toBeUndefined();
    reads.remember('digest', sampleAuditEntry('c'));
    expect(reads.find('a', 'digest')).toBeUndefined();
    expect(reads.find('c', 'digest')?.requestId).toBe('c');
    now = 1_000;
    expect(reads.find('c', 'digest')).toBeUndefined();
  });
});
