import { readSavedOperations } from '@jembatan/schema';

const operations = new Map(readSavedOperations().map((operation) => [operation.name, operation.source]));

/** The source of a saved example operation from schema/operations, so tests exercise the real files. */
export function savedOperation(name: string): string {
  const source = operations.get(name);
  if (!source) throw new Error(`No saved operation ${name} in schema/operations`);
  return source;
}
