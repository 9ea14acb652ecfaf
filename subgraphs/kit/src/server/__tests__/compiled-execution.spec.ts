import { ApolloServer } from '@apollo/server';
import {
  buildSchema,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLUnionType,
  Kind,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery } from 'graphql-jit';
import { describe, expect, it, vi } from 'vitest';
import { JembatanError } from '../../errors';
import { createFormatError } from '../../errors/format-error';
import { compiledExecution, type Compile } from '../compiled-execution';

const Day = {
  serialize: (value: unknown) => (value as Date).toISOString().slice(0, 10),
  parseValue: (value: unknown) => new Date(String(value)),
  parseLiteral: (ast: { kind: Kind; value?: string }) => (ast.kind === Kind.STRING ? new Date(ast.value!) : null),
};

type Resolvers = Record<string, Record<string, GraphQLFieldResolver<unknown, unknown>>>;

/** The resolvers onto a schema built from SDL, as type-graphql's build leaves them. */
function withResolvers(schema: GraphQLSchema, resolvers: Resolvers): GraphQLSchema {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const [fieldName, resolve] of Object.entries(fields)) type.getFields()[fieldName]!.resolve = resolve;
  }
  Object.assign(schema.getType('Day') as GraphQLScalarType, Day);
  (schema.getType('Found') as GraphQLUnionType).resolveType = (value) =>
    'nik' in (value as object) ? 'Worker' : 'Unit';
  return schema;
}

const workers = [
  { nik: '3174011501900001', name: 'Siti Rahayu', since: new Date('2016-03-01'), wage: 3_100_000 },
  { nik: '3174015207920002', name: 'Budi Santoso', since: new Date('2016-04-01'), wage: 3_250_000 },
];

/** Every path the subgraphs' operations take: objects, lists, unions, scalars, errors of each kind. */
function subgraphLikeSchema(): GraphQLSchema {
  return withResolvers(
    buildSchema(/* GraphQL */ `
      scalar Day
      type Query {
        workers(first: Int!): [Worker!]!
        worker(nik: String!): Worker
        search(text: String!): [Found]!
        broken: Int
        strict: Worker!
      }
      type Worker {
        nik: String!
        name: String
        since: Day!
        wage: Int
        unit: Unit!
      }
      type Unit {
        code: ID!
      }
      union Found = Worker | Unit
    `),
    {
      Query: {
        workers: (_, { first }) => workers.slice(0, first as number),
        worker: (_, { nik }) => {
          if (!/^\d{16}$/.test(nik as string)) throw new JembatanError('INVALID_NIK', `"${nik}" is not a NIK`);
          return workers.find((worker) => worker.nik === nik) ?? null;
        },
        search: async () => [workers[0], { code: 'KEC-317401' }, null],
        broken: () => {
          throw new Error('relation "unit_worker_count" does not exist');
        },
        strict: () => null,
      },
      Worker: {
        // A withheld field, as the access policy refuses one: per row, an expected error.
        wage: () => {
          throw new JembatanError('FORBIDDEN', 'Not allowed to read Worker.wage');
        },
        unit: async () => ({ code: 'KEC-317401' }),
      },
    },
  );
}

const OPERATIONS: { query: string; variables?: Record<string, unknown>; operationName?: string }[] = [
  { query: '{ workers(first: 2) { nik name since unit { code } } }' },
  { query: 'query Page($n: Int!) { workers(first: $n) { name wage } }', variables: { n: 2 } },
  { query: 'query Page($n: Int!) { workers(first: $n) { name } }', variables: { n: 'two' } },
  { query: '{ worker(nik: "12") { name } }' },
  { query: '{ worker(nik: "3174015207920002") { who: name since } }' },
  { query: '{ search(text: "x") { __typename ... on Worker { nik } ... on Unit { code } } }' },
  { query: 'query W($skip: Boolean!) { workers(first: 1) { nik name @skip(if: $skip) } }', variables: { skip: true } },
  { query: '{ broken }' },
  { query: '{ strict { nik } }' },
  { query: 'query A { broken } query B { workers(first: 1) { nik } }', operationName: 'B' },
];

async function answersOf(server: ApolloServer) {
  await server.start();
  try {
    const answers: unknown[] = [];
    for (const operation of OPERATIONS) {
      const response = await server.executeOperation(operation);
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      // As sent: JSON, where a key whose value is undefined is no key at all.
      answers.push(JSON.parse(JSON.stringify({ status: response.http.status ?? 200, ...response.body.singleResult })));
    }
    return answers;
  } finally {
    await server.stop();
  }
}

const formatError = createFormatError({ production: true });

describe('compiled execution', () => {
  it('answers every kind of operation exactly as graphql-js does: data, errors, paths, locations, codes', async () => {
    const schema = subgraphLikeSchema();
    const interpreted = await answersOf(new ApolloServer({ schema, formatError }));
    const compiled = await answersOf(new ApolloServer({ gateway: compiledExecution(schema), formatError }));
    expect(compiled).toEqual(interpreted);
    // The comparison means something only if the errors are there to compare.
    const codes = interpreted.flatMap((answer) =>
      ((answer as { errors?: GraphQLFormattedError[] }).errors ?? []).map((error) => error.extensions?.code),
    );
    expect(codes).toEqual(
      expect.arrayContaining(['FORBIDDEN', 'INVALID_NIK', 'BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR']),
    );
  });

  it('compiles an operation once and reuses it for every later request of the same text', async () => {
    const compile = vi.fn<Compile>((...args) => compileQuery(...args));
    const server = new ApolloServer({ gateway: compiledExecution(subgraphLikeSchema(), compile) });
    await server.start();
    try {
      for (let i = 0; i < 20; i++) {
        for (const first of [1, 2]) {
          const response = await server.executeOperation({
            query: 'query Page($first: Int!) { workers(first: $first) { nik } }',
            variables: { first },
          });
          expect(response.body.kind === 'single' && response.body.singleResult.data).toEqual({
            workers: workers.slice(0, first).map(({ nik }) => ({ nik })),
          });
        }
      }
      await server.executeOperation({ query: '{ workers(first: 1) { name } }' });
      expect(compile).toHaveBeenCalledTimes(2);
    } finally {
      await server.stop();
    }
  });
});
