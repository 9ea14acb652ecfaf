import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defineAccessPolicy } from '../access-policy';
import { compileAccessPolicy } from '../field-access';
import { forbidden, notAboutDataSubject } from '../forbidden';

const schema = buildSchema('type Query { person: Person }  type Person { name: String  wage: Int  claims: Int }');
const policy = compileAccessPolicy(
  schema,
  defineAccessPolicy({
    agency: 'test',
    groups: { lookup: ['Query.person'], name: ['Person.name'], wage: ['Person.wage'], claims: ['Person.claims'] },
    personal: ['name', 'wage', 'claims'],
    grants: {
      dki_hr: {
        HR_ADMINISTRATION: ['lookup', 'name', 'wage'],
        ENROLMENT: ['lookup', 'name'],
        DATA_SUBJECT_REQUEST: ['lookup', 'name', 'wage'],
      },
      bpjs_officer: { CLAIM_VERIFICATION: ['lookup', 'claims'] },
    },
    masks: {},
    subjectsOf: {},
  }),
);

describe('a withheld field says what would open it', () => {
  it('lists the purposes the caller may declare that grant the field, in the order roles declare them', () => {
    expect(policy.purposesGranting(['dki_hr'], 'Person.wage')).toEqual(['HR_ADMINISTRATION', 'DATA_SUBJECT_REQUEST']);
    expect(policy.purposesGranting(['dki_hr', 'bpjs_officer'], 'Person.claims')).toEqual(['CLAIM_VERIFICATION']);
    expect(policy.purposesGranting(['analyst'], 'Person.name')).toEqual([]);
  });

  it('says when no purpose was declared, and which to declare', () => {
    const error = forbidden('Person.wage', undefined, {
      roles: ['dki_hr'],
      purpose: null,
      grantingPurposes: policy.purposesGranting(['dki_hr'], 'Person.wage'),
    });
    expect(error.message).toBe(
      'Person.wage is withheld because no purpose of access was declared (X-Purpose header); your roles may read it when declaring HR_ADMINISTRATION or DATA_SUBJECT_REQUEST.',
    );
    expect(error.extensions).toEqual({
      code: 'FORBIDDEN',
      field: 'Person.wage',
      grantingPurposes: ['HR_ADMINISTRATION', 'DATA_SUBJECT_REQUEST'],
    });
  });

  it('names the declared purpose, and says plainly when no purpose of these roles opens the field', () => {
    expect(
      forbidden('Person.wage', undefined, {
        roles: ['dki_hr'],
        purpose: 'ENROLMENT',
        grantingPurposes: ['HR_ADMINISTRATION'],
      }).message,
    ).toBe(
      'Person.wage is withheld for the purpose ENROLMENT; your roles may read it when declaring HR_ADMINISTRATION.',
    );
    expect(
      forbidden('Person.claims', undefined, { roles: ['dki_hr'], purpose: 'HR_ADMINISTRATION', grantingPurposes: [] })
        .message,
    ).toBe(
      'Person.claims is withheld for the purpose HR_ADMINISTRATION; no purpose your roles (dki_hr) may declare opens it.',
    );
  });

  it("says why a data subject request shows nothing of someone else's record", () => {
    expect(notAboutDataSubject('Person.name').message).toBe(
      'Person.name is withheld here: under DATA_SUBJECT_REQUEST only the data of the person named in X-Data-Subject is shown, and this record is about someone else.',
    );
  });
});
