import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defineAccessPolicy } from '../access-policy';
import { AccessRecorder } from '../access-recorder';
import { enforceAccessPolicy } from '../enforce-access-policy';
import { compileAccessPolicy } from '../field-access';
import type { Purpose } from '../roles';
import { WithheldFields } from '../withheld-fields';

const ALICE = '3174014107900001';
const BUDI = '3174010101900002';
const people = [
  { nik: ALICE, wage: 5_000_000 },
  { nik: BUDI, wage: 4_000_000 },
];

const policy = defineAccessPolicy({
  agency: 'test',
  groups: { lookup: ['Query.person', 'Query.people'], identity: ['Person.nik'], wage: ['Person.wage'] },
  personal: ['identity', 'wage'],
  grants: {
    dki_hr: { HR_ADMINISTRATION: ['lookup', 'identity', 'wage'], DATA_SUBJECT_REQUEST: ['lookup', 'identity', 'wage'] },
  },
  masks: {},
  subjectsOf: { Person: (person: { nik: string }) => [`nik:${person.nik}`] },
  lookups: { 'Query.person': { nik: 'nik' } },
});

function guardedSchema() {
  const schema = buildSchema(`
    type Query { person(nik: String!): Person  people: [Person!]! }
    type Person { nik: String!  wage: Int }
  `);
  const query = schema.getQueryType()!.getFields();
  query.person!.resolve = (_, { nik }: { nik: string }) => people.find((person) => person.nik === nik) ?? null;
  query.people!.resolve = () => people;
  return enforceAccessPolicy(schema, policy, compileAccessPolicy(schema, policy));
}

async function run(source: string, purpose: Purpose, dataSubject: string | null = null) {
  const schema = guardedSchema();
  const accessRecorder = new AccessRecorder();
  const access = compileAccessPolicy(schema, policy).accessFor(['dki_hr'], purpose);
  const result = await graphql({
    schema,
    source,
    contextValue: { access, accessRecorder, dataSubject, withheldFields: new WithheldFields() },
  });
  return { result, read: accessRecorder.summary() };
}

describe('a lookup by identifier', () => {
  it('is recorded naming who was looked for, with only __typename selected', async () => {
    const { result, read } = await run(`{ person(nik: "${ALICE}") { __typename } }`, 'HR_ADMINISTRATION');
    expect(result.errors).toBeUndefined();
    expect(read).toEqual({ subjects: [`nik:${ALICE}`], fields: ['Query.person'] });
  });

  it('is recorded when nobody has that identifier too', async () => {
    const { read } = await run('{ person(nik: "3174010101990999") { __typename } }', 'HR_ADMINISTRATION');
    expect(read).toEqual({ subjects: ['nik:3174010101990999'], fields: ['Query.person'] });
  });

  it('records nothing for an argument that is no identifier at all', async () => {
    const { read } = await run('{ person(nik: "3174\\u0000") { __typename } }', 'HR_ADMINISTRATION');
    expect(read).toBeNull();
  });
});

describe('a data subject request', () => {
  it("reads the subject's data and refuses anyone else's, at its path", async () => {
    const { result, read } = await run(
      `{ mine: person(nik: "${ALICE}") { wage } theirs: person(nik: "${BUDI}") { wage } }`,
      'DATA_SUBJECT_REQUEST',
      ALICE,
    );
    expect(result.data).toEqual({ mine: { wage: 5_000_000 }, theirs: null });
    expect(result.errors?.map((error) => [error.path, error.extensions.code])).toEqual([[['theirs'], 'FORBIDDEN']]);
    expect(read).toEqual({ subjects: [`nik:${ALICE}`], fields: ['Person.wage', 'Query.person'] });
  });

  it("refuses another person's fields wherever they are reached", async () => {
    const { result } = await run('{ people { wage } }', 'DATA_SUBJECT_REQUEST', ALICE);
    expect(result.data).toEqual({ people: [{ wage: 5_000_000 }, { wage: null }] });
    expect(result.errors?.map((error) => error.path)).toEqual([['people', 1, 'wage']]);
  });
});
