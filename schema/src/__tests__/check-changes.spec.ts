import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { classifyChanges } from '../check-changes';

const BEFORE = /* GraphQL */ `
  type Query {
    unit(code: ID!): Unit
    units(first: Int = 20, kind: UnitKind): [Unit!]!
  }
  enum UnitKind {
    SKPD
    UKPD
  }
  type Unit {
    code: ID!
    name: String!
    headcount: Int!
    regionCode: String
  }
`;

const changesBetween = async (before: string, after: string) =>
  (await classifyChanges(buildSchema(before), buildSchema(after))).map(
    ({ level, kind, coordinate }) => `${level} ${kind} ${coordinate}`,
  );

describe('classifying schema changes', () => {
  it('calls a removed field, a changed type, a field made nullable and a removed enum value breaking', async () => {
    const after = BEFORE.replace('    name: String!\n', '')
      .replace('headcount: Int!', 'headcount: String!')
      .replace('code: ID!\n    headcount', 'code: ID\n    headcount')
      .replace('    UKPD\n', '');
    expect(await changesBetween(BEFORE, after)).toEqual([
      'breaking FIELD_TYPE_CHANGED Unit.code',
      'breaking FIELD_TYPE_CHANGED Unit.headcount',
      'breaking FIELD_REMOVED Unit.name',
      'breaking ENUM_VALUE_REMOVED UnitKind.UKPD',
    ]);
  });

  it('calls an added enum value, a changed default and a new optional argument of a field dangerous', async () => {
    // A new optional argument breaks no query, but a client that sends it to an older gateway fails.
    const after = BEFORE.replace('    UKPD\n', '    UKPD\n    BLUD\n')
      .replace('first: Int = 20', 'first: Int = 50')
      .replace('kind: UnitKind)', 'kind: UnitKind, parentCode: ID)');
    expect(await changesBetween(BEFORE, after)).toEqual([
      'dangerous FIELD_ARGUMENT_DEFAULT_CHANGED Query.units(first:)',
      'dangerous FIELD_ARGUMENT_ADDED Query.units(parentCode:)',
      'dangerous ENUM_VALUE_ADDED UnitKind.BLUD',
    ]);
  });

  it('calls an added field, an added type and a nullable field made non-null safe', async () => {
    const after = BEFORE.replace('headcount: Int!', 'headcount: Int!\n    parent: Unit\n    region: Region')
      .replace('regionCode: String', 'regionCode: String!')
      .concat('type Region { code: ID! }');
    expect(await changesBetween(BEFORE, after)).toEqual([
      'safe TYPE_ADDED Region',
      'safe FIELD_ADDED Region.code',
      'safe FIELD_ADDED Unit.parent',
      'safe FIELD_ADDED Unit.region',
      'safe FIELD_TYPE_CHANGED Unit.regionCode',
    ]);
  });

  it('calls a new required argument breaking, and keeps graphql-inspector’s message for people', async () => {
    const changes = await classifyChanges(
      buildSchema(BEFORE),
      buildSchema(BEFORE.replace('unit(code: ID!)', 'unit(code: ID!, year: Int!)')),
    );
    expect(changes).toEqual([
      {
        level: 'breaking',
        kind: 'FIELD_ARGUMENT_ADDED',
        coordinate: 'Query.unit(year:)',
        message: "Argument 'year: Int!' added to field 'Query.unit'",
      },
    ]);
  });

  it('finds nothing between a schema and itself', async () => {
    expect(await changesBetween(BEFORE, BEFORE)).toEqual([]);
  });
});
