import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createFormatError } from '@jembatan/kit';
import type { GatewayContext } from '../../context';
import { operationIdOf, readOperationManifest } from '../operation-manifest';
import { persistedQueryMismatchPlugin } from '../persisted-query-mismatch';
import { manifestPersistedQueries } from '../trusted-operations';
import { codesOf, postGraphql, startTestApollo } from './test-apollo';

const manifest = readOperationManifest();
const saved = manifest.operations.find((operation) => operation.name === 'WorkforceByCategory')!;
const withId = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });

describe('a persisted query id sent with another query', () => {
  const unexpected: unknown[] = [];
  let server: ApolloServer<GatewayContext>;
  beforeAll(async () => {
    server = await startTestApollo({
      plugins: [persistedQueryMismatchPlugin()],
      persistedQueries: manifestPersistedQueries(manifest),
      // As the gateway formats errors in production: what is not catalogued is masked and logged.
      formatError: createFormatError({ production: true, onUnexpected: (error) => unexpected.push(error) }),
    });
  });
  afterAll(() => server.stop());

  it('is a client mistake: 400 PERSISTED_QUERY_MISMATCH, nothing logged as unexpected', async () => {
    const adHoc = '{ workforceStatistics { workerCount } }';
    const response = await postGraphql(server, { query: adHoc, extensions: withId(saved.id) });
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(['PERSISTED_QUERY_MISMATCH']);
    expect(unexpected).toEqual([]);
  });

  it('leaves a matching id and query alone', async () => {
    const response = await postGraphql(server, { query: saved.body, extensions: withId(operationIdOf(saved.body)) });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });
});
