import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { AccessRecorder } from '../../access/access-recorder';
import { CACHE_CONTROL_DEFINITIONS, PUBLIC_AGGREGATE } from '../../federation/cache-control';
import { cacheHintsPlugins } from '../cache-hints-plugins';

/**
 * A subgraph's schema in small: an aggregate hinted as the agencies hint theirs, a type with no
 * hint, and a hinted type someone gave a personal field (read through the access recorder, as
 * the policy guard records every personal read).
 */
const typeDefs = `
  ${CACHE_CONTROL_DEFINITIONS.replace('@inaccessible', '')}
  type Query { statistics: Statistics! unmarked: Unmarked! unit: Unit! entities: [Entity]! broken: Statistics }
  union Entity = Unit | Unmarked
  type Statistics ${PUBLIC_AGGREGATE} { count: Int! }
  type Unmarked { count: Int! }
  type Unit ${PUBLIC_AGGREGATE} { name: String! headNik: String! }
`;

const resolvers = {
  Query: {
    statistics: () => ({ count: 3 }),
    unmarked: () => ({ count: 4 }),
    unit: () => ({ name: 'Tebet' }),
    entities: () => [{ __typename: 'Unit', name: 'Tebet' }],
    broken: () => {
      throw new Error('the database is down');
    },
  },
  Entity: { __resolveType: (entity: { __typename: string }) => entity.__typename },
  Unit: {
    headNik: (_: unknown, __: unknown, context: { accessRecorder: AccessRecorder }) => {
      context.accessRecorder.record('Unit.headNik', ['3174010101900001']);
      return '3174010101900001';
    },
  },
};

async function cacheControlOf(query: string): Promise<string | undefined> {
  const apollo = new ApolloServer<{ accessRecorder: AccessRecorder }>({
    typeDefs,
    resolvers,
    plugins: cacheHintsPlugins(),
  });
  await apollo.start();
  try {
    const response = await apollo.executeOperation(
      { query },
      { contextValue: { accessRecorder: new AccessRecorder() } },
    );
    return response.http.headers.get('cache-control');
  } finally {
    await apollo.stop();
  }
}

describe("a subgraph's Cache-Control", () => {
  it('says public for a minute when only hinted aggregates were read', async () => {
    expect(await cacheControlOf('{ statistics { count } unit { name } }')).toBe('max-age=60, public');
  });

  it('says no-store when anything unhinted was read', async () => {
    expect(await cacheControlOf('{ statistics { count } unmarked { count } }')).toBe('no-store');
  });

  it('says no-store when personal data was read, even on a hinted type', async () => {
    expect(await cacheControlOf('{ unit { name headNik } }')).toBe('no-store');
  });

  it('goes by the types named in the fragments of a union, as `_entities` is asked', async () => {
    expect(await cacheControlOf('{ entities { ... on Unit { name } } }')).toBe('max-age=60, public');
    expect(await cacheControlOf('{ entities { ... on Unit { name } ... on Unmarked { count } } }')).toBe('no-store');
    expect(await cacheControlOf('{ entities { __typename } }')).toBe('no-store');
  });

  it('follows named fragments', async () => {
    expect(await cacheControlOf('{ ...Both } fragment Both on Query { statistics { count } unit { name } }')).toBe(
      'max-age=60, public',
    );
    expect(await cacheControlOf('{ ...Some } fragment Some on Query { unmarked { count } }')).toBe('no-store');
  });

  it('says no-store for an answer with errors, even of hinted fields', async () => {
    expect(await cacheControlOf('{ broken { count } }')).toBe('no-store');
  });
});
