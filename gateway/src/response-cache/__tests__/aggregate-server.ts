import { ApolloServer } from '@apollo/server';
import type { Purpose, Role } from '@jembatan/kit';
import type { GatewayContext } from '../../context';
import type { ResponseCache } from '../create-response-cache';
import { RESPONSE_CACHE_HEADER } from '../response-cache-plugin';

/**
 * The supergraph's names, in small, hinted as the agencies hint theirs: two aggregates and a
 * unit's directory entry and coverage are public for a minute; the personal data beside them,
 * and a type an agency added without a hint, are not. Apollo's cache-control plugin turns the
 * hints into the request's cache policy, as the subgraphs' `Cache-Control` headers do at the gateway.
 */
const typeDefs = `#graphql
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  type Query {
    workforceStatistics: WorkforceStatistics!
    claimStatistics(year: Int!): ClaimStatistics!
    unit(code: ID!): Unit
    worker(nik: String!): Worker
    newAgencyFigures: NewAgencyFigures!
    briefFigures: BriefFigures!
    ownFigures: OwnFigures!
  }
  type Mutation { recountWorkforce: WorkforceStatistics! }
  type WorkforceStatistics @cacheControl(maxAge: 60, scope: PUBLIC) { unitCount: Int! workerCount: Int! }
  type ClaimStatistics @cacheControl(maxAge: 60, scope: PUBLIC) { year: Int! count: Int! }
  type Unit @cacheControl(maxAge: 60, scope: PUBLIC) {
    code: ID! name: String! headcount: Int! bpjsCoverage: UnitCoverage workers: [Worker!]
  }
  type UnitCoverage @cacheControl(maxAge: 60, scope: PUBLIC) { enrolled: Int! }
  type Worker { nik: String! name: String }
  type NewAgencyFigures { total: Int! }
  type BriefFigures @cacheControl(maxAge: 1, scope: PUBLIC) { total: Int! }
  type OwnFigures @cacheControl(maxAge: 60, scope: PRIVATE) { total: Int! }
`;

const resolvers = {
  Query: {
    workforceStatistics: () => ({ unitCount: 43, workerCount: 3000 }),
    claimStatistics: (_: unknown, { year }: { year: number }) => ({ year, count: year - 2000 }),
    unit: (_: unknown, { code }: { code: string }) => {
      if (code === 'BROKEN') throw new Error('the registry could not answer');
      return { code, name: `Unit ${code}`, headcount: 12, bpjsCoverage: { enrolled: 9 }, workers: [] };
    },
    worker: (_: unknown, { nik }: { nik: string }) => ({ nik, name: 'Siti' }),
    newAgencyFigures: () => ({ total: 7 }),
    briefFigures: () => ({ total: 8 }),
    ownFigures: () => ({ total: 9 }),
  },
  // A change whose answer is of a type hinted public: still never to be answered from a cache.
  Mutation: { recountWorkforce: () => ({ unitCount: 43, workerCount: 3000 }) },
};

export interface Caller {
  roles: Role[];
  purpose?: Purpose | null;
  subject?: string;
  dataSubject?: string | null;
}

export interface AggregateServer {
  /** Operations that ran their resolvers: a cache hit runs none. */
  executions(): number;
  send(
    query: string,
    caller?: Caller,
    variables?: Record<string, unknown>,
  ): Promise<{ data: unknown; errors: unknown; cacheStatus: string | undefined; cacheControl: string | undefined }>;
  stop(): Promise<void>;
}

/** A real Apollo Server with the response cache installed, as the gateway installs it (last). */
export async function startAggregateServer(responseCache: ResponseCache): Promise<AggregateServer> {
  let executions = 0;
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs,
    resolvers,
    stopOnTerminationSignals: false,
    plugins: [
      responseCache.plugin,
      {
        async requestDidStart() {
          return {
            async executionDidStart() {
              executions += 1;
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  return {
    executions: () => executions,
    async send(query, caller = { roles: ['analyst'], purpose: 'STATISTICS' }, variables) {
      const contextValue: GatewayContext = {
        requestId: 'test-request',
        caller: { subject: caller.subject ?? 'someone', agency: 'jembatan-test', roles: caller.roles },
        purpose: caller.purpose ?? null,
        dataSubject: caller.dataSubject ?? null,
        publishedOperation: null,
      };
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return {
        data: response.body.singleResult.data,
        errors: response.body.singleResult.errors,
        cacheStatus: response.http.headers.get(RESPONSE_CACHE_HEADER),
        cacheControl: response.http.headers.get('cache-control'),
      };
    },
    async stop() {
      await apollo.stop();
      await responseCache.close();
    },
  };
}
