import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { missingFieldPaths } from '../missing-field-paths';

describe('missingFieldPaths', () => {
  it('names each root field of a root fetch by its response name', () => {
    const document = parse(
      'query Q__workforce__0 { __typename unit(code: "DINKES") { name } all: units { totalCount } }',
    );
    expect(missingFieldPaths(document, {})).toEqual([['unit'], ['all']]);
  });

  it('names each field asked of each entity of an entity fetch', () => {
    const document = parse(`
      query Q__bpjs__1($representations: [_Any!]!) {
        _entities(representations: $representations) {
          __typename
          ... on Worker { bpjs { kpj } }
          ... on Unit { coverage: bpjsCoverage { enrolled } }
        }
      }`);
    const representations = [
      { __typename: 'Worker', nik: '3174014107900001' },
      { __typename: 'Unit', code: 'DINKES' },
      { __typename: 'Worker', nik: '3174014107900002' },
    ];
    expect(missingFieldPaths(document, { representations })).toEqual([
      ['_entities', 0, 'bpjs'],
      ['_entities', 1, 'coverage'],
      ['_entities', 2, 'bpjs'],
    ]);
  });

  it('follows named fragments the query planner reused', () => {
    const document = parse(`
      query ($representations: [_Any!]!) { _entities(representations: $representations) { ...W } }
      fragment W on Worker { bpjs { kpj } ...More }
      fragment More on Worker { __typename enrollments: bpjs { kpj } }`);
    expect(missingFieldPaths(document, { representations: [{ __typename: 'Worker' }] })).toEqual([
      ['_entities', 0, 'bpjs'],
      ['_entities', 0, 'enrollments'],
    ]);
  });

  it('falls back to every field when no fragment names the entity type (an interface fragment)', () => {
    const document = parse(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Node { id } } }',
    );
    expect(missingFieldPaths(document, { representations: [{ __typename: 'Worker' }] })).toEqual([
      ['_entities', 0, 'id'],
    ]);
  });

  it('cannot tell without representations or an operation', () => {
    const entities = parse('query { _entities(representations: []) { ... on Worker { bpjs { kpj } } } }');
    expect(missingFieldPaths(entities, undefined)).toEqual([]);
    expect(missingFieldPaths(entities, { representations: 'nope' })).toEqual([]);
    expect(missingFieldPaths(parse('fragment F on Worker { nik }'), {})).toEqual([]);
  });
});
