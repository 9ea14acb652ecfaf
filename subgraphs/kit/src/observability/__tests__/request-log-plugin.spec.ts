import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../log';
import { requestLogPlugin } from '../logging/request-log-plugin';
import { newRequestScope, runInRequestScope } from '../request-scope/request-scope';

const NIK = '3174014107900001';
const NAME = 'Siti Rahmawati';

const typeDefs = `type Worker { nik: String, name: String } type Query { worker(nik: String): Worker }`;
const resolvers = {
  Query: {
    worker: (_: unknown, { nik }: { nik: string }) => {
      if (nik !== NIK) throw new GraphQLError('unknown worker', { extensions: { code: 'NOT_FOUND' } });
      return { nik, name: NAME };
    },
  },
};

let apollo: ApolloServer | undefined;
afterEach(() => apollo?.stop());

async function loggedRequests(run: (apollo: ApolloServer) => Promise<void>) {
  const lines: string[] = [];
  apollo = new ApolloServer({
    typeDefs,
    resolvers,
    // Stands in for the gateway's manifest: `Who` and `Missing` are published, nothing else is.
    plugins: [
      requestLogPlugin(
        createLogger('bpjs', (line) => lines.push(line)),
        (context) => ('published' in context ? String(context.published) : null),
      ),
    ],
  });
  await apollo.start();
  await run(apollo);
  return lines;
}

describe('requestLogPlugin', () => {
  it('logs one info line per request: operation, outcome, duration, error codes, request id', async () => {
    const lines = await loggedRequests(async (server) => {
      await runInRequestScope(newRequestScope('req-7'), () =>
        server.executeOperation(
          {
            query: 'query Who($nik: String) { worker(nik: $nik) { name } }',
            variables: { nik: NIK },
          },
          { contextValue: { published: 'Who' } },
        ),
      );
      await server.executeOperation(
        { query: 'query Missing { worker(nik: "1") { name } }' },
        { contextValue: { published: 'Missing' } },
      );
      await server.executeOperation({ query: `query Nik_${NIK} { worker(nik: "1") { name } }` });
    });
    const [found, missing, adHoc] = lines.map((line) => JSON.parse(line));
    expect(adHoc).toMatchObject({ operation: '(ad hoc)', outcome: 'failure' });
    expect(lines.join('\n')).not.toContain(NIK);
    expect(found).toMatchObject({
      level: 'info',
      service: 'bpjs',
      message: 'graphql request',
      requestId: 'req-7',
      operation: 'Who',
      outcome: 'success',
      errorCodes: [],
    });
    expect(found.durationMs).toBeGreaterThanOrEqual(0);
    expect(missing).toMatchObject({ operation: 'Missing', outcome: 'failure', errorCodes: ['NOT_FOUND'] });
  });

  it('never logs variables, query text or results', async () => {
    const lines = await loggedRequests(async (server) => {
      await server.executeOperation({
        query: 'query ($nik: String) { worker(nik: $nik) { nik name } }',
        variables: { nik: NIK },
      });
      await server.executeOperation({ query: `{ worker(nik: "${NIK}") { nik name } }` });
      await server.executeOperation({ query: `{ worker(nik: "${NIK}") { nik name ` });
    });
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(NIK);
      expect(line).not.toContain(NAME);
      expect(line).not.toContain('worker');
    }
  });
});
