import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { buildSchema, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defineAccessPolicy } from '../access-policy';
import { AccessRecorder } from '../access-recorder';
import { enforceAccessPolicy } from '../enforce-access-policy';
import { compileAccessPolicy } from '../field-access';
import type { Purpose } from '../roles';
import { WithheldFields } from '../withheld-fields';
import { withheldFieldsPlugin } from '../withheld-fields-plugin';

/** A full page: what the heavy HR page is, 100 rows each with the withheld fields. */
const PAGE = 100;
const people = Array.from({ length: PAGE }, (_, index) => ({
  nik: `317401010190${String(index + 1).padStart(4, '0')}`,
  name: `Person ${index}`,
  wage: 4_000_000 + index,
}));
const SUBJECT = people[0]!.nik;

const policy = defineAccessPolicy({
  agency: 'test',
  groups: {
    lookup: ['Query.people', 'Query.missing'],
    name: ['Person.name'],
    nik: ['Person.nik'],
    wage: ['Person.wage'],
  },
  personal: ['name', 'nik', 'wage'],
  grants: {
    dki_hr: { HR_ADMINISTRATION: ['lookup', 'name'], DATA_SUBJECT_REQUEST: ['lookup', 'name', 'nik', 'wage'] },
  },
  masks: {},
  subjectsOf: { Person: (person: { nik: string }) => [`nik:${person.nik}`] },
});

function guardedSchema() {
  // `people` holds nullable items, as `_entities` does: a withheld non-null field nulls each row.
  const schema = buildSchema(`
    type Query { people: [Person]!  missing: Int }
    type Person { name: String!  nik: String!  wage: Int }
  `);
  const query = schema.getQueryType()!.getFields();
  query.people!.resolve = () => people;
  query.missing!.resolve = () => {
    throw new Error('not a policy matter');
  };
  return enforceAccessPolicy(schema, policy, compileAccessPolicy(schema, policy));
}

/** Runs `query` through Apollo Server as the subgraphs do; `raised` holds each distinct error execution built. */
async function run(query: string, purpose: Purpose, dataSubject: string | null = null) {
  const raised = new Set<GraphQLError>();
  const countRaised: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) raised.add(error);
        },
      };
    },
  };
  const schema = guardedSchema();
  const server = new ApolloServer({ schema, plugins: [withheldFieldsPlugin(), countRaised] });
  await server.start();
  try {
    const contextValue = {
      access: compileAccessPolicy(schema, policy).accessFor(['dki_hr'], purpose),
      accessRecorder: new AccessRecorder(),
      withheldFields: new WithheldFields(),
      dataSubject,
    };
    const response = await server.executeOperation({ query }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { ...response.body.singleResult, raised: raised.size };
  } finally {
    await server.stop();
  }
}

describe('a field withheld from every row of a page', () => {
  it('is null in each row and one FORBIDDEN error, which execution never built per row', async () => {
    const { data, errors, raised } = await run('{ people { name wage } }', 'HR_ADMINISTRATION');
    expect(data).toEqual({ people: people.map(({ name }) => ({ name, wage: null })) });
    expect(errors).toEqual([
      {
        message: 'Your roles and declared purpose do not grant Person.wage',
        locations: [{ line: 1, column: 17 }],
        path: ['people', 0, 'wage'],
        extensions: { code: 'FORBIDDEN', field: 'Person.wage', withheldCount: PAGE },
      },
    ]);
    expect(raised).toBe(0);
  });

  it('non-null, nulls each row and is still one error, built once', async () => {
    const { data, errors, raised } = await run('{ people { name nik } }', 'HR_ADMINISTRATION');
    expect(data).toEqual({ people: people.map(() => null) });
    expect(errors).toMatchObject([
      { path: ['people', 0, 'nik'], extensions: { code: 'FORBIDDEN', field: 'Person.nik', withheldCount: PAGE } },
    ]);
    expect(raised).toBe(1);
  });

  it('gives one error per withheld field of the query: per coordinate and per path', async () => {
    const { errors } = await run('{ people { wage nik } again: people { wage } }', 'HR_ADMINISTRATION');
    // `nik` nulls each row of `people` before or after its `wage` resolved, so wage counts may vary;
    // each field of the query still gets exactly one error.
    expect(errors?.map((error) => [error.path?.join('.'), error.extensions?.field])).toEqual([
      ['people.0.wage', 'Person.wage'],
      ['people.0.nik', 'Person.nik'],
      ['again.0.wage', 'Person.wage'],
    ]);
    expect(errors?.map((error) => error.extensions?.withheldCount)).toEqual([PAGE, PAGE, PAGE]);
  });

  it('leaves every other error as it was raised', async () => {
    const { errors } = await run('{ missing people { wage } }', 'HR_ADMINISTRATION');
    expect(errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['missing'], 'INTERNAL_SERVER_ERROR'],
      [['people', 0, 'wage'], 'FORBIDDEN'],
    ]);
  });

  it('sends no error at all when nothing was withheld', async () => {
    const { errors } = await run('{ people { name } }', 'HR_ADMINISTRATION');
    expect(errors).toBeUndefined();
  });
});

describe("a data subject request reaching other people's rows", () => {
  it('refuses each of them at its own path: the refusals say whose rows were refused', async () => {
    const { data, errors } = await run('{ people { wage } }', 'DATA_SUBJECT_REQUEST', SUBJECT);
    expect((data as { people: { wage: number | null }[] }).people.filter((person) => person.wage !== null)).toEqual([
      { wage: people[0]!.wage },
    ]);
    expect(errors?.map((error) => error.path)).toEqual(
      people.slice(1).map((_, index) => ['people', index + 1, 'wage']),
    );
    expect(errors?.every((error) => error.extensions?.withheldCount === undefined)).toBe(true);
  });
});
