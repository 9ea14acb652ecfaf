import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  ClaimsByProgramDocument,
  createJembatanClient,
  JembatanRequestError,
  PERSISTED_OPERATION_IDS,
  UnitCoverageDocument,
  WorkforceByCategoryDocument,
  type JembatanClient,
  type JembatanClientOptions,
  type UnitCoverageQuery,
} from '..';
import { startScriptedGateway, type ScriptedAnswer, type ScriptedGateway } from './scripted-gateway';

let gateway: ScriptedGateway;
beforeAll(async () => {
  gateway = await startScriptedGateway();
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.received.length = 0;
});

const clientWith = (options: Partial<JembatanClientOptions> = {}) =>
  createJembatanClient({ url: gateway.url, token: 'token-1', purpose: 'HR_ADMINISTRATION', ...options });

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the request should have failed'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(JembatanRequestError);
      return error as JembatanRequestError;
    },
  );

const claims = {
  claimStatistics: { year: 2016, regionCode: '31', count: 3, amount: '504000000000', byProgram: [] },
};
const dinkes: UnitCoverageQuery = {
  unit: { code: 'DINKES', name: 'Dinas Kesehatan', headcount: 3, bpjsCoverage: null, children: [] },
};
const bpjsDown = {
  message: 'BPJS Ketenagakerjaan is unavailable; its fields are null.',
  path: ['unit', 'bpjsCoverage'],
  extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'bpjs' },
};
const bpjsDownEntry = { ...bpjsDown, code: 'SUBGRAPH_UNAVAILABLE' };

describe('the Jembatan client', () => {
  it('posts the operation text, its variables, the token and the purpose, and returns the typed data', async () => {
    gateway.answer({ body: { data: claims } });
    const data = await clientWith().request(ClaimsByProgramDocument, { year: 2016 });
    expect(data).toEqual(claims);
    expectTypeOf(data.claimStatistics.amount).toEqualTypeOf<string>();
    const [sent] = gateway.received;
    expect(sent?.method).toBe('POST');
    expect(sent?.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'x-purpose': 'HR_ADMINISTRATION',
      'content-type': 'application/json',
    });
    expect(sent?.body).toEqual({
      query: print(ClaimsByProgramDocument),
      operationName: 'ClaimsByProgram',
      variables: { year: 2016 },
    });
  });

  it('asks for a fresh token for every request, and sends no purpose when none is declared', async () => {
    let issued = 0;
    const client = createJembatanClient({ url: gateway.url, token: async () => `token-${++issued}` });
    gateway.answer({ body: { data: claims } }, { body: { data: claims } });
    await client.request(ClaimsByProgramDocument);
    await client.request(ClaimsByProgramDocument, {}, { purpose: 'STATISTICS' });
    expect(gateway.received.map((request) => [request.headers.authorization, request.headers['x-purpose']])).toEqual([
      ['Bearer token-1', undefined],
      ['Bearer token-2', 'STATISTICS'],
    ]);
  });

  it('throws on field errors with the partial data and each error, or returns both from requestPartial', async () => {
    gateway.answer({ body: { data: dinkes, errors: [bpjsDown] } }, { body: { data: dinkes, errors: [bpjsDown] } });
    const error = await failureOf(clientWith().request(UnitCoverageDocument, { code: 'DINKES' }));
    expect(error).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      status: 200,
      operationName: 'UnitCoverage',
      data: dinkes,
      errors: [bpjsDownEntry],
    });
    expect(error.message).toBe(
      'UnitCoverage failed: SUBGRAPH_UNAVAILABLE: BPJS Ketenagakerjaan is unavailable; its fields are null.',
    );
    const partial = await clientWith().requestPartial(UnitCoverageDocument, { code: 'DINKES' });
    expect(partial).toEqual({ data: dinkes, errors: [bpjsDownEntry] });
    expectTypeOf(partial.data).toEqualTypeOf<UnitCoverageQuery>();
  });

  it('names an error by the first error with a code, and tells whether any has a given code', async () => {
    const forbidden = (field: string) => ({
      message: `Not granted: ${field}`,
      path: ['unit', field],
      extensions: { code: 'FORBIDDEN' },
    });
    gateway.answer({
      body: { data: dinkes, errors: [{ message: 'no code here' }, forbidden('name'), forbidden('headcount')] },
    });
    const error = await failureOf(clientWith().request(UnitCoverageDocument, { code: 'DINKES' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('UnitCoverage failed: FORBIDDEN: Not granted: name (and 2 more)');
    expect(error.hasCode('FORBIDDEN')).toBe(true);
    expect(error.hasCode('SUBGRAPH_UNAVAILABLE')).toBe(false);
    expect(error.errors.map((entry) => entry.code)).toEqual([undefined, 'FORBIDDEN', 'FORBIDDEN']);
  });

  const refusal = (status: number, code: string, headers?: Record<string, string>): ScriptedAnswer => ({
    status,
    headers,
    body: { errors: [{ message: `refused: ${code}`, extensions: { code } }] },
  });

  it.each([
    [refusal(401, 'UNAUTHENTICATED'), { code: 'UNAUTHENTICATED', status: 401, retryAfterSeconds: undefined }],
    [refusal(403, 'OPERATION_NOT_TRUSTED'), { code: 'OPERATION_NOT_TRUSTED', status: 403 }],
    [refusal(400, 'GRAPHQL_VALIDATION_FAILED'), { code: 'GRAPHQL_VALIDATION_FAILED', status: 400 }],
    [
      refusal(429, 'RATE_LIMITED', { 'retry-after': '17' }),
      { code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 17 },
    ],
  ])('turns an HTTP refusal into its code and status, from both methods (%#)', async (answer, expected) => {
    gateway.answer(answer, answer);
    const fromRequest = await failureOf(clientWith().request(WorkforceByCategoryDocument));
    const fromPartial = await failureOf(clientWith().requestPartial(WorkforceByCategoryDocument));
    for (const error of [fromRequest, fromPartial]) {
      expect(error).toMatchObject({ ...expected, data: null, operationName: 'WorkforceByCategory' });
      expect(error.errors).toHaveLength(1);
    }
  });

  it.each([
    ['a proxy error page', { status: 502, body: '<html>Bad Gateway</html>' }, 'HTTP_ERROR', 'HTTP 502 Bad Gateway'],
    ['a body that is not JSON', { body: 'plain text' }, 'INVALID_RESPONSE', 'the body is not JSON'],
    ['JSON without data or errors', { body: { hello: 'world' } }, 'INVALID_RESPONSE', 'neither `data` nor `errors`'],
    ['errors that are not a list', { body: { errors: 'boom' } }, 'INVALID_RESPONSE', '`errors` is not a list'],
    ['data that is not an object', { body: { data: [1, 2] } }, 'INVALID_RESPONSE', '`data` is not an object'],
    ['neither data nor errors', { body: { data: null } }, 'INVALID_RESPONSE', 'with no data and no errors'],
    ['errors without codes', { body: { errors: [{ message: 'odd' }] } }, 'UNCODED_GRAPHQL_ERROR', 'odd'],
    ['an HTTP error with data but no errors', { status: 500, body: { data: {} } }, 'HTTP_ERROR', 'no GraphQL errors'],
  ])('refuses %s with a stable code', async (_case, answer: ScriptedAnswer, code, message) => {
    gateway.answer(answer);
    const error = await failureOf(clientWith().request(WorkforceByCategoryDocument));
    expect(error.code).toBe(code);
    expect(error.status).toBe(answer.status ?? 200);
    expect(error.message).toContain(message);
  });

  it('says NETWORK_ERROR when nothing answers, and ABORTED when the caller gave up', async () => {
    const closed = await startScriptedGateway();
    await closed.close();
    const unreachable = await failureOf(clientWith({ url: closed.url }).request(WorkforceByCategoryDocument));
    expect(unreachable).toMatchObject({
      code: 'NETWORK_ERROR',
      status: undefined,
      operationName: 'WorkforceByCategory',
    });
    expect(unreachable.cause).toBeInstanceOf(Error);
    expect(unreachable.message).toMatch(/^WorkforceByCategory failed: NETWORK_ERROR: .*ECONNREFUSED/);

    const controller = new AbortController();
    controller.abort();
    const aborted = await failureOf(
      clientWith().request(WorkforceByCategoryDocument, {}, { signal: controller.signal }),
    );
    expect(aborted.code).toBe('ABORTED');
    expect(gateway.received).toEqual([]);
  });
});

describe('the Jembatan client with persisted queries', () => {
  const persisted = () => clientWith({ persistedQueries: true });
  const idOf = (document: object) => PERSISTED_OPERATION_IDS.get(document as never);

  it('sends a published operation by its id alone', async () => {
    gateway.answer({ body: { data: claims } });
    expect(await persisted().request(ClaimsByProgramDocument, { year: 2016 })).toEqual(claims);
    expect(idOf(ClaimsByProgramDocument)).toMatch(/^[0-9a-f]{64}$/);
    expect(gateway.received.map((request) => request.body)).toEqual([
      {
        operationName: 'ClaimsByProgram',
        variables: { year: 2016 },
        extensions: { persistedQuery: { version: 1, sha256Hash: idOf(ClaimsByProgramDocument) } },
      },
    ]);
  });

  it('sends the text with the id when the gateway does not know the id', async () => {
    gateway.answer(
      { body: { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } },
      { body: { data: claims } },
    );
    expect(await persisted().request(ClaimsByProgramDocument)).toEqual(claims);
    const extensions = { persistedQuery: { version: 1, sha256Hash: idOf(ClaimsByProgramDocument) } };
    expect(gateway.received.map((request) => request.body)).toEqual([
      { operationName: 'ClaimsByProgram', extensions },
      { query: print(ClaimsByProgramDocument), operationName: 'ClaimsByProgram', extensions },
    ]);
  });

  it('sends an operation that is not published, even one with a published name, by its text', async () => {
    const lookalike = parse('query ClaimsByProgram { workforceStatistics { unitCount } }') as TypedDocumentNode<
      { workforceStatistics: { unitCount: number } },
      Record<string, never>
    >;
    gateway.answer({ body: { data: { workforceStatistics: { unitCount: 7 } } } });
    expect(await persisted().request(lookalike)).toEqual({ workforceStatistics: { unitCount: 7 } });
    expect(gateway.received[0]?.body).toEqual({ query: print(lookalike), operationName: 'ClaimsByProgram' });
  });
});

// Checked by `tsc` (check:types): each @ts-expect-error fails the type check if its line compiles.
export function variablesAreTyped(client: JembatanClient) {
  // @ts-expect-error UnitCoverage requires $code.
  void client.request(UnitCoverageDocument);
  // @ts-expect-error UnitCoverage has no $nope.
  void client.request(UnitCoverageDocument, { code: 'DINKES', nope: 1 });
  // @ts-expect-error $year is an Int.
  void client.request(ClaimsByProgramDocument, { year: '2016' });
  // @ts-expect-error not a purpose.
  void client.request(ClaimsByProgramDocument, {}, { purpose: 'CURIOSITY' });
  void client.request(WorkforceByCategoryDocument);
  void client.request(ClaimsByProgramDocument);
}
