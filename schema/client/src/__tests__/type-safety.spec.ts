import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OPERATIONS_DIR, SUPERGRAPH_PATH } from '@jembatan/schema/src/artifacts';
import { apiSchemaOf } from '@jembatan/schema/src/operations';
import { buildASTSchema, parse, printSchema, visit, type GraphQLSchema } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { ClientCodegenError } from '../codegen/client-codegen-error';
import { generateOperationTypes, OPERATIONS_PATH } from '../codegen/generate-operation-types';
import { typeErrorsWith } from './type-check-with';
import { testDataFolder } from '@jembatan/kit/testing';

/**
 * The promise of the typed client: a schema change that breaks a frontend operation fails CI.
 * Each case edits a copy of the real inputs the way a change would, and shows which step fails.
 */
const apiSchema = apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const EXAMPLE = resolve(__dirname, '../../example/hr-screen.ts');
const scratch = testDataFolder('client-operations');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The API schema as it would be with one field of one type deleted. */
function withoutField(schema: GraphQLSchema, typeName: string, fieldName: string): GraphQLSchema {
  const document = visit(parse(printSchema(schema)), {
    ObjectTypeDefinition: (node) =>
      node.name.value === typeName
        ? { ...node, fields: node.fields?.filter((field) => field.name.value !== fieldName) }
        : undefined,
  });
  return buildASTSchema(document);
}

/** A copy of schema/operations with one file edited; the edit must change something. */
function operationsWith(file: string, edit: (source: string) => string): string {
  const dir = mkdtempSync(join(scratch, 'operations-'));
  cpSync(OPERATIONS_DIR, dir, { recursive: true });
  const source = readFileSync(join(dir, file), 'utf8');
  const edited = edit(source);
  expect(edited).not.toBe(source);
  writeFileSync(join(dir, file), edited);
  return dir;
}

describe('a change that breaks a frontend operation', () => {
  it('fails codegen when the schema loses a field a saved operation selects', async () => {
    const failure = generateOperationTypes({
      apiSchema: withoutField(apiSchema, 'Worker', 'monthlyWage'),
      operationsDir: OPERATIONS_DIR,
    });
    await expect(failure).rejects.toBeInstanceOf(ClientCodegenError);
    await expect(failure).rejects.toThrow(
      /Cannot query field "monthlyWage" on type "Worker"\.\n\s+at .*\/UnitStaffWithBpjs\.graphql:\d+:\d+/,
    );
  });

  it('fails codegen when an operation asks for a field by a name the schema does not have', async () => {
    const operationsDir = operationsWith('UnitStaffWithBpjs.graphql', (source) =>
      source.replace(/\bmonthlyWage\b/, 'monthlySalary'),
    );
    await expect(generateOperationTypes({ apiSchema, operationsDir })).rejects.toThrow(
      /Cannot query field "monthlySalary" on type "Worker"\. Did you mean "monthlyWage"\?/,
    );
  });

  it('fails codegen when the schema gains a scalar the client has no TypeScript type for', async () => {
    const sdl = printSchema(apiSchema).replace('monthlyWage: Rupiah', 'monthlyWage: Money');
    await expect(
      generateOperationTypes({
        apiSchema: buildASTSchema(parse(`${sdl}\nscalar Money`)),
        operationsDir: OPERATIONS_DIR,
      }),
    ).rejects.toThrow('Unknown scalar type Money');
  });

  it('fails the type check of the example when an operation stops selecting a field the example reads', async () => {
    const operationsDir = operationsWith('UnitStaffWithBpjs.graphql', (source) =>
      source.replace(/^\s*monthlyWage\n/m, ''),
    );
    const withoutWage = await generateOperationTypes({ apiSchema, operationsDir });
    expect(typeErrorsWith(EXAMPLE, { path: OPERATIONS_PATH, content: readFileSync(OPERATIONS_PATH, 'utf8') })).toEqual(
      [],
    );
    const errors = typeErrorsWith(EXAMPLE, { path: OPERATIONS_PATH, content: withoutWage });
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toMatch(/^example\/hr-screen\.ts:\d+: Property 'monthlyWage' does not exist on type /);
    }
  });
});
