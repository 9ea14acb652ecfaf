import { readFileSync } from 'node:fs';
import { ApolloServer, HeaderMap, type ApolloServerOptionsWithSchema } from '@apollo/server';
import { apiSchemaOf, SUPERGRAPH_PATH } from '@jembatan/schema';
import type { Role } from '@jembatan/kit';
import {
  getNullableType,
  isEnumType,
  isListType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
} from 'graphql';
import type { GatewayContext } from '../../context';

/** The schema clients see, from the committed supergraph: the same one the gateway serves. */
export const apiSchema = apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8'));

const FIXED_SCALARS: Record<string, unknown> = {
  Int: 1,
  Float: 1.5,
  Boolean: false,
  String: 'x',
  ID: 'x',
  Date: '2016-01-01',
  Rupiah: '0',
};

/** A value of any output type: one item per list, every object's fields resolved the same way. */
function fixedValueOf(type: GraphQLOutputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [fixedValueOf(nullable.ofType)];
  if (isEnumType(nullable)) return nullable.getValues()[0]?.value;
  if (isScalarType(nullable)) return FIXED_SCALARS[nullable.name] ?? 'x';
  return {};
}

const fixedData: GraphQLFieldResolver<unknown, GatewayContext> = (_source, _args, _context, info) =>
  fixedValueOf(info.returnType);

export type TestApolloOptions = Omit<ApolloServerOptionsWithSchema<GatewayContext>, 'schema'>;

/** A real Apollo Server over the API schema, answering every field with fixed data. */
export async function startTestApollo(options: TestApolloOptions = {}): Promise<ApolloServer<GatewayContext>> {
  const apollo = new ApolloServer<GatewayContext>({
    schema: apiSchema,
    fieldResolver: fixedData,
    stopOnTerminationSignals: false,
    ...options,
  });
  await apollo.start();
  return apollo;
}

export const contextOf = (roles: readonly Role[]): GatewayContext => ({
  requestId: 'test-request',
  caller: { subject: `user-${roles.join('-')}`, agency: 'pemprov-dki', roles },
  purpose: null,
  dataSubject: null,
  publishedOperation: null,
});

export interface TestResponse {
  status: number;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

/** POSTs a GraphQL request through Apollo's HTTP entry point, as the gateway's handler does. */
export async function postGraphql(
  apollo: ApolloServer<GatewayContext>,
  body: {
    query?: string;
    operationName?: string;
    variables?: Record<string, unknown>;
    extensions?: Record<string, unknown>;
  },
  context: GatewayContext = contextOf(['analyst']),
): Promise<TestResponse> {
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: 'POST',
      headers: new HeaderMap([['content-type', 'application/json']]),
      search: '',
      body,
    },
    context: async () => context,
  });
  if (result.body.kind !== 'complete') throw new Error('expected a complete (non-incremental) response');
  return { status: result.status ?? 200, body: JSON.parse(result.body.string) as TestResponse['body'] };
}

export const codesOf = (response: TestResponse): (string | undefined)[] =>
  (response.body.errors ?? []).map((error) => error.extensions?.code);
