import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defineAccessPolicy, type WriteRules } from '../access-policy';
import { AccessRecorder } from '../access-recorder';
import { enforceAccessPolicy } from '../enforce-access-policy';
import { compileAccessPolicy } from '../field-access';
import { findPolicyGaps, NO_WRITE_RULE } from '../policy-gaps';
import { WithheldFields } from '../withheld-fields';

const sdl = `
  type Query { ping: String }
  type Mutation { hire(name: String!): HireResult  fire(name: String!): HireResult }
  type HireResult { name: String! }
`;

const policyWith = (writes: WriteRules) =>
  defineAccessPolicy({
    agency: 'test',
    groups: { ping: ['Query.ping'], hired: ['HireResult.*'] },
    personal: [],
    grants: { dki_hr: { HR_ADMINISTRATION: ['hired'] }, analyst: { always: ['ping'] } },
    masks: {},
    subjectsOf: {},
    writes,
  });

const policy = policyWith({
  'Mutation.hire': { dki_hr: ['HR_ADMINISTRATION'], bpjs_officer: ['ENROLMENT', 'CLAIM_VERIFICATION'] },
});

describe('write rules', () => {
  const compiled = compileAccessPolicy(buildSchema(sdl), policy);

  it('allow a change only to a role for a purpose a rule names: deny by default', () => {
    expect([...compiled.writesFor(['dki_hr'], 'HR_ADMINISTRATION')]).toEqual(['Mutation.hire']);
    expect([...compiled.writesFor(['bpjs_officer'], 'CLAIM_VERIFICATION')]).toEqual(['Mutation.hire']);
    expect([...compiled.writesFor(['dki_hr'], 'STATISTICS')]).toEqual([]);
    expect([...compiled.writesFor(['dki_hr'], null)]).toEqual([]);
    expect([...compiled.writesFor(['analyst', 'auditor'], 'HR_ADMINISTRATION')]).toEqual([]);
    expect([...compiled.writesFor(['analyst', 'dki_hr'], 'HR_ADMINISTRATION')]).toEqual(['Mutation.hire']);
  });

  it('fail at start when they name an unknown mutation, role or purpose', () => {
    const schema = buildSchema(sdl);
    expect(() =>
      compileAccessPolicy(schema, policyWith({ 'Mutation.hyre': { dki_hr: ['HR_ADMINISTRATION'] } })),
    ).toThrow('write rule names unknown mutation "Mutation.hyre"');
    expect(() =>
      compileAccessPolicy(schema, policyWith({ 'Mutation.hire': { boss: ['HR_ADMINISTRATION'] } } as never)),
    ).toThrow('names unknown role "boss"');
    expect(() => compileAccessPolicy(schema, policyWith({ 'Mutation.hire': { dki_hr: ['FUN'] } } as never))).toThrow(
      'names unknown purpose FUN',
    );
  });

  it('report a mutation without a rule as a policy gap naming the policy file', () => {
    expect(findPolicyGaps(buildSchema(sdl), policy)).toEqual({
      unclassified: [`Mutation.fire ${NO_WRITE_RULE}`],
      nullHazards: [],
    });
    expect(NO_WRITE_RULE).toContain('access-policy.ts');
  });

  it('refuse a mutation no rule names to everyone, before its resolver runs', async () => {
    const schema = buildSchema(sdl);
    const ran: string[] = [];
    for (const name of ['hire', 'fire']) {
      schema.getMutationType()!.getFields()[name]!.resolve = (_, args: { name: string }) => {
        ran.push(name);
        return args;
      };
    }
    const guarded = enforceAccessPolicy(schema, policy, compileAccessPolicy(schema, policy));
    const contextValue = {
      access: compiled.accessFor(['dki_hr'], 'HR_ADMINISTRATION'),
      accessRecorder: new AccessRecorder(),
      dataSubject: null,
      withheldFields: new WithheldFields(),
    };
    const result = await graphql({
      schema: guarded,
      source: 'mutation { hire(name: "a") { name } fire(name: "b") { name } }',
      contextValue,
    });
    expect(result.data).toEqual({ hire: { name: 'a' }, fire: null });
    expect(result.errors?.map((error) => [error.path, error.extensions])).toEqual([
      [['fire'], { code: 'FORBIDDEN', field: 'Mutation.fire' }],
    ]);
    expect(ran).toEqual(['hire']);
  });
});
