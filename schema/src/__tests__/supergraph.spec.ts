import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperationTypeNode, type GraphQLObjectType } from 'graphql';
import { artifactsOf, SCHEMA_DIR, SUPERGRAPH_PATH } from '../artifacts';
import { composeSupergraph, CompositionError } from '../compose';
import { apiSchemaOf, readSavedOperations, validateSavedOperations } from '../operations';
import { SUBGRAPHS } from '../subgraphs';

describe('the committed schema', () => {
  const composition = composeSupergraph(SUBGRAPHS);

  it.each(
    Object.entries(artifactsOf(composition)).map(([path, content]) => [relative(SCHEMA_DIR, path), path, content]),
  )('%s matches what the code generates (run `pnpm schema:generate` after a schema change)', (_name, path, content) => {
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('composes to a supergraph with both agencies joined on Worker and Unit', () => {
    // The founding agencies' own composition: agencies added by `pnpm new-subgraph` add fields of their own.
    const founders = SUBGRAPHS.filter((subgraph) => subgraph.name === 'workforce' || subgraph.name === 'bpjs');
    const api = apiSchemaOf(composeSupergraph(founders).supergraphSdl);
    expect(Object.keys(api.getQueryType()?.getFields() ?? {}).sort()).toEqual([
      'accessLog',
      'accessLogOfCaller',
      'claim',
      'claimStatistics',
      'coverageGaps',
      'employer',
      'eventInbox',
      'participant',
      'participationStatistics',
      'unit',
      'units',
      'worker',
      'workers',
      'workforceStatistics',
    ]);
    const fieldsOf = (name: string) => Object.keys((api.getType(name) as GraphQLObjectType).getFields());
    expect(fieldsOf('Worker')).toContain('bpjs');
    expect(fieldsOf('Unit')).toContain('bpjsCoverage');
    expect(fieldsOf('Participant')).toContain('employer');
    expect(fieldsOf('AccessLog')).toEqual(['id', 'bpjs', 'workforce']);
    expect(fieldsOf('EventInbox')).toEqual(['id', 'bpjs', 'workforce']);
  });

  it('gives every type, field and argument of the client schema a description', () => {
    const api = apiSchemaOf(composition.supergraphSdl);
    const missing: string[] = [];
    for (const type of Object.values(api.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Boolean', 'ID', 'Float'].includes(type.name)) continue;
      if (!type.description && type !== api.getQueryType() && type !== api.getMutationType()) missing.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('reports composition errors readably', () => {
    const broken = { name: 'broken', url: 'http://localhost:1/graphql', buildSchema: SUBGRAPHS[0]!.buildSchema };
    let thrown: unknown;
    try {
      composeSupergraph([...SUBGRAPHS, broken]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CompositionError);
    // A second owner of workforce's fields: each line names the code, the field and both subgraphs.
    const message = (thrown as Error).message;
    expect(message).toMatch(/^Composition failed with \d+ error\(s\):\n/);
    expect(message).toContain(
      '- [INVALID_FIELD_SHARING] Non-shareable field "Worker.name" is resolved from multiple subgraphs: it is resolved from subgraphs "broken" and "workforce"',
    );
  });
});

describe('the saved example operations', () => {
  const operations = readSavedOperations();

  it('are all valid against the committed supergraph', () => {
    const api = apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    expect(operations.length).toBeGreaterThanOrEqual(6);
    expect(validateSavedOperations(api, operations)).toEqual([]);
  });

  it('are one named query or mutation each, named after their file', () => {
    for (const operation of operations) {
      const definitions = operation.document.definitions;
      expect(definitions).toHaveLength(1);
      expect(definitions[0]).toMatchObject({ kind: 'OperationDefinition', name: { value: operation.name } });
      expect([OperationTypeNode.QUERY, OperationTypeNode.MUTATION]).toContain(
        (definitions[0] as { operation: OperationTypeNode }).operation,
      );
    }
  });
});
