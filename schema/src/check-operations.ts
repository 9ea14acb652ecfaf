import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GraphQLError, parse, Source, validate, type GraphQLSchema } from 'graphql';
import { buildOperationManifest } from './manifest';
import type { SavedOperation } from './operations';

export interface LoadedOperations {
  operations: SavedOperation[];
  /** One line per problem, each naming the file (and line:column where GraphQL knows it). */
  errors: string[];
}

const located = (file: string, error: GraphQLError) => {
  const [location] = error.locations ?? [];
  return `${file}${location ? `:${location.line}:${location.column}` : ''}: ${error.message}`;
};

/**
 * The saved operations of `dir`, keeping going past a file that does not parse or is not one
 * named operation, so one run lists every problem.
 */
export function loadSavedOperations(dir: string, label = basename(dir)): LoadedOperations {
  const operations: SavedOperation[] = [];
  const errors: string[] = [];
  if (!existsSync(dir)) return { operations, errors: [`${label}/: the saved operations folder is missing`] };
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  for (const file of files) {
    const source = readFileSync(join(dir, file), 'utf8');
    try {
      const saved = { name: file.replace(/\.graphql$/, ''), file, source, document: parse(new Source(source, file)) };
      const [entry] = buildOperationManifest([saved]).operations;
      if (entry?.name !== saved.name) {
        throw new Error(`${file}: the operation is named ${entry?.name}; name it after its file, ${saved.name}`);
      }
      operations.push(saved);
    } catch (error) {
      const message = error instanceof GraphQLError ? located(file, error) : (error as Error).message;
      errors.push(`${label}/${message}`);
    }
  }
  return { operations, errors };
}

/** Each validation error of each operation against the schema, naming the file and position. */
export const operationErrorsAgainst = (
  schema: GraphQLSchema,
  operations: readonly SavedOperation[],
  label = 'operations',
): string[] =>
  operations.flatMap((saved) =>
    validate(schema, saved.document).map((error) => `${label}/${located(saved.file, error)}`),
  );
