import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { expectNoPolicyGaps } from '@jembatan/kit/testing';
import { compileWriteRules, PURPOSES, ROLES, type Purpose, type Role } from '@jembatan/kit';
import { bpjsAccessPolicy } from '../access-policy';
import { buildBpjsSchema } from '../schema';

describe("BPJS Ketenagakerjaan's access policy", () => {
  it('classifies every field and never denies a non-null field of a type it opens', () => {
    expect(() => expectNoPolicyGaps(buildBpjsSchema(), bpjsAccessPolicy, 'bpjs')).not.toThrow();
  });
});

describe("BPJS Ketenagakerjaan's write rules", () => {
  const rules = compileWriteRules(buildBpjsSchema(), bpjsAccessPolicy.writes!);
  const ENROL = 'Mutation.enrolParticipants';
  const END = 'Mutation.endCoverage';
  const CLAIMS = ['Mutation.fileClaim', 'Mutation.verifyClaim', 'Mutation.payClaim', 'Mutation.rejectClaim'];
  /** Every cell of roles × purposes (and no purpose) that may write: every other cell may not. */
  const ALLOWED: Partial<Record<Role, Partial<Record<Purpose, string[]>>>> = {
    dki_hr: { ENROLMENT: [ENROL] },
    bpjs_officer: { ENROLMENT: [ENROL, END], CLAIM_VERIFICATION: CLAIMS },
  };
  const cells = ROLES.flatMap((role) => [...PURPOSES, null].map((purpose) => [role, purpose] as const));

  it.each(cells)('%s for %s may make exactly its listed changes', (role, purpose) => {
    const expected = purpose === null ? [] : (ALLOWED[role]?.[purpose] ?? []);
    expect([...rules.writesFor([role], purpose)].sort()).toEqual([...expected].sort());
  });

  it('rules every mutation of the schema', () => {
    const mutations = Object.keys(buildBpjsSchema().getMutationType()!.getFields()).map((f) => `Mutation.${f}`);
    expect([...rules.ruledMutations].sort()).toEqual(mutations.sort());
  });
});
