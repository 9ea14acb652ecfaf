import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { expectNoPolicyGaps } from '../../testing/expect-no-policy-gaps';
import { defineAccessPolicy } from '../access-policy';

// A field added to the schema (Unit.phone) that nobody put in the policy.
const schema = buildSchema('type Query { unit: Unit }  type Unit { code: String  name: String  phone: String }');
const policy = defineAccessPolicy<'directory' | 'contact'>({
  agency: 'Pemprov DKI',
  groups: { directory: ['Query.unit', 'Unit.code', 'Unit.name'], contact: [] },
  personal: [],
  grants: { analyst: { always: ['directory'] } },
  masks: {},
  subjectsOf: {},
});

describe('a field missing from the access policy', () => {
  it('fails the policy spec naming the file to edit and the groups to choose from', () => {
    expect(() => expectNoPolicyGaps(schema, policy, 'workforce')).toThrow(
      'Unit.phone is in no group of subgraphs/workforce/src/access-policy.ts, so every role gets FORBIDDEN for it. Add it to one of the groups (directory, contact), or to a new group that the grants give to the roles who need it',
    );
  });

  it('passes once the field is classified', () => {
    const classified = { ...policy, groups: { ...policy.groups, contact: ['Unit.phone'] } };
    expect(() => expectNoPolicyGaps(schema, classified, 'workforce')).not.toThrow();
  });
});
