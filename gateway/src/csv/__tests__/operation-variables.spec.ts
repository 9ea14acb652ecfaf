import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { variablesFromParameters, VariablesError } from '../operation-variables';

const schema = buildSchema(`
  enum UnitKind { SKPD UKPD }
  type Query { claims(year: Int!, region: String, kinds: [UnitKind!], exact: Boolean): Int }
`);
const operation = parse(
  'query Claims($year: Int!, $region: String = "31", $kinds: [UnitKind!], $exact: Boolean) { claims(year: $year, region: $region, kinds: $kinds, exact: $exact) }',
).definitions[0] as OperationDefinitionNode;
const read = (parameters: Record<string, string>) =>
  variablesFromParameters(schema, operation, new Map(Object.entries(parameters)));

describe('query parameters as an operation’s variables', () => {
  it('reads each parameter as its variable’s type, and fills in the defaults', () => {
    expect(read({ year: '2016', kinds: 'SKPD,UKPD', exact: 'true' })).toEqual({
      year: 2016,
      region: '31',
      kinds: ['SKPD', 'UKPD'],
      exact: true,
    });
  });

  it.each([
    [{ year: '2016', yaer: '2017' }, 'Unknown parameter "yaer"; Claims takes year, region, kinds, exact'],
    [{ year: 'twenty' }, 'Int cannot represent non-integer value: "twenty"'],
    [{ year: '2016.5' }, 'Int cannot represent non-integer value: 2016.5'],
    [{}, 'Variable "$year" of required type "Int!" was not provided.'],
    [{ year: '2016', kinds: 'SKPD,KECAMATAN' }, 'Value "KECAMATAN" does not exist in "UnitKind" enum.'],
    [{ year: '2016', exact: 'yes' }, 'Boolean cannot represent a non boolean value: "yes"'],
  ])('refuses %o: %s', (parameters, message) => {
    expect(() => read(parameters)).toThrow(VariablesError);
    expect(() => read(parameters)).toThrow(message);
  });
});
