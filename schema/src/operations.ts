import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { OPERATIONS_DIR } from './artifacts';

export interface SavedOperation {
  name: string;
  file: string;
  source: string;
  document: DocumentNode;
}

/** The example operations in schema/operations, by file name (one named operation per file). */
export function readSavedOperations(dir = OPERATIONS_DIR): SavedOperation[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      return { name: file.replace(/\.graphql$/, ''), file, source, document: parse(source) };
    });
}

/** The schema clients see: the supergraph without its federation machinery. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** Validation errors of each saved operation against a schema; empty when all are valid. */
export function validateSavedOperations(schema: GraphQLSchema, operations: SavedOperation[]): string[] {
  return operations.flatMap((operation) =>
    validate(schema, operation.document).map((error) => `${operation.file}: ${error.message}`),
  );
}
