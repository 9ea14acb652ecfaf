import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../../context';
import { MAX_OPERATION_NAME_LENGTH, operationResolutionPlugin } from '../operation-resolution';
import { codesOf, postGraphql, startTestApollo, type TestResponse } from './test-apollo';

const TWO_OPERATIONS = 'query Units { units { totalCount } } query Statistics { workforceStatistics { unitCount } }';

function expectRefused(response: TestResponse, code: string) {
  expect(response.status).toBe(400);
  expect(codesOf(response)).toEqual([code]);
  expect(response.body.data).toBeUndefined();
}

describe('which operation to run', () => {
  let server: ApolloServer<GatewayContext>;
  beforeAll(async () => {
    server = await startTestApollo({ plugins: [operationResolutionPlugin()] });
  });
  afterAll(() => server.stop());

  it('runs the operation operationName names, or the only one', async () => {
    const named = await postGraphql(server, { query: TWO_OPERATIONS, operationName: 'Statistics' });
    expect(named.body.data).toHaveProperty('workforceStatistics.unitCount');
    const only = await postGraphql(server, { query: '{ units { totalCount } }' });
    expect(only.body.data).toHaveProperty('units.totalCount');
  });

  it('asks for operationName when the document holds several operations', async () => {
    expectRefused(await postGraphql(server, { query: TWO_OPERATIONS }), 'OPERATION_NAME_REQUIRED');
  });

  it('refuses an operationName the document does not hold, with one operation or several', async () => {
    expectRefused(
      await postGraphql(server, { query: TWO_OPERATIONS, operationName: 'Nope' }),
      'UNKNOWN_OPERATION_NAME',
    );
    expectRefused(
      await postGraphql(server, { query: 'query Units { units { totalCount } }', operationName: 'Nope' }),
      'UNKNOWN_OPERATION_NAME',
    );
  });

  it(`refuses operation names longer than ${MAX_OPERATION_NAME_LENGTH} characters, in the request or the document`, async () => {
    const longest = 'N'.repeat(MAX_OPERATION_NAME_LENGTH);
    const tooLong = 'N'.repeat(MAX_OPERATION_NAME_LENGTH + 1);
    const answered = await postGraphql(server, { query: `query ${longest} { units { totalCount } }` });
    expect(answered.body.errors).toBeUndefined();
    expectRefused(await postGraphql(server, { query: `query ${tooLong} { units { totalCount } }` }), 'BAD_REQUEST');
    expectRefused(
      await postGraphql(server, { query: 'query Units { units { totalCount } }', operationName: tooLong }),
      'BAD_REQUEST',
    );
  });
});
