import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import type { Role } from '@jembatan/kit';
import type { GatewayContext } from '../../context';
import {
  operationIdOf,
  parseOperationManifest,
  readOperationManifest,
  type OperationManifest,
} from '../operation-manifest';
import {
  callerMayQueryAdHoc,
  manifestPersistedQueries,
  OPERATION_NOT_TRUSTED,
  trustedOperations,
} from '../trusted-operations';
import { codesOf, contextOf, postGraphql, startTestApollo, type TestResponse } from './test-apollo';

const manifest = readOperationManifest();
const saved = manifest.operations.find((operation) => operation.name === 'WorkforceByCategory')!;
const adHoc = '{ workforceStatistics { workerCount } }';
const hr = contextOf(['dki_hr']);

const byHash = (id: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } });

function expectAnswered(response: TestResponse) {
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
  expect(response.body.data).toBeTruthy();
}

function expectNotTrusted(response: TestResponse) {
  expect(response.status).toBe(403);
  expect(codesOf(response)).toEqual([OPERATION_NOT_TRUSTED]);
  expect(response.body.data).toBeUndefined();
}

async function serverTrusting(enforce: boolean): Promise<ApolloServer<GatewayContext>> {
  return startTestApollo({
    plugins: [trustedOperations({ manifest, enforce, mayQueryAdHoc: callerMayQueryAdHoc })],
    persistedQueries: manifestPersistedQueries(manifest),
  });
}

describe('trusted operations, enforced', () => {
  let server: ApolloServer<GatewayContext>;
  beforeAll(async () => {
    server = await serverTrusting(true);
  });
  afterAll(() => server.stop());

  it('lists every saved operation', () => {
    expect(manifest.operations.length).toBeGreaterThanOrEqual(6);
    expect(saved.body).toContain('query WorkforceByCategory');
  });

  it('accepts a saved operation from a screen by its exact body', async () => {
    expectAnswered(await postGraphql(server, { query: saved.body }, hr));
  });

  it('accepts a saved operation by its id alone, supplying the body', async () => {
    const response = await postGraphql(server, byHash(saved.id), hr);
    expectAnswered(response);
    expect(response.body.data).toHaveProperty('workforceStatistics.byCategory');
  });

  it('refuses an ad-hoc operation from a screen, and a saved one reformatted', async () => {
    expectNotTrusted(await postGraphql(server, { query: adHoc }, hr));
    expectNotTrusted(await postGraphql(server, { query: `${saved.body}\n` }, hr));
    expectNotTrusted(await postGraphql(server, { query: adHoc }, contextOf(['bpjs_officer'])));
  });

  it('answers an unknown id as persisted query not found, so no text is ever registered', async () => {
    const response = await postGraphql(server, byHash(operationIdOf(adHoc)), hr);
    expect(codesOf(response)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it.each<[string, Role[]]>([
    ['an analyst', ['analyst']],
    ['an auditor', ['auditor']],
    ['an analyst who is also an auditor', ['analyst', 'auditor']],
  ])('lets %s query ad hoc', async (_who, roles) => {
    expectAnswered(await postGraphql(server, { query: adHoc }, contextOf(roles)));
  });

  it.each<[string, Role[]]>([
    ['an HR officer who is also an analyst', ['dki_hr', 'analyst']],
    ['an auditor who is also a BPJS officer', ['auditor', 'bpjs_officer']],
    ['a token with no role at all', []],
  ])('refuses ad-hoc queries from %s: every role of the token must allow them', async (_who, roles) => {
    expectNotTrusted(await postGraphql(server, { query: adHoc }, contextOf(roles)));
    expectAnswered(await postGraphql(server, { query: saved.body }, contextOf(roles)));
  });
});

describe('trusted operations, off', () => {
  let server: ApolloServer<GatewayContext>;
  beforeAll(async () => {
    server = await serverTrusting(false);
  });
  afterAll(() => server.stop());

  it('accepts anything from anyone, and saved operations by id still work', async () => {
    expectAnswered(await postGraphql(server, { query: adHoc }, hr));
    expectAnswered(await postGraphql(server, byHash(saved.id), hr));
  });

  it('does not let a client register an operation of its own', async () => {
    const registering = { query: adHoc, ...byHash(operationIdOf(adHoc)) };
    expectAnswered(await postGraphql(server, registering, hr));
    expect(codesOf(await postGraphql(server, byHash(operationIdOf(adHoc)), hr))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('parseOperationManifest', () => {
  const copy = (): OperationManifest => JSON.parse(JSON.stringify(manifest)) as OperationManifest;

  it('accepts the committed manifest', () => {
    expect(parseOperationManifest(copy())).toEqual(manifest);
  });

  it('refuses an id that is not the hash of its body', () => {
    const tampered = copy();
    tampered.operations[0]!.body = adHoc;
    expect(() => parseOperationManifest(tampered)).toThrow(
      `id is not the SHA-256 of the body for ${tampered.operations[0]!.name}`,
    );
  });

  it('refuses another format', () => {
    expect(() => parseOperationManifest({ ...copy(), format: 'relay' })).toThrow(/Invalid operation manifest: format/);
  });
});
