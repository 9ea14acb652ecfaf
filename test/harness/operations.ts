import { readOperationManifest } from '@jembatan/gateway';
import { readSavedOperations } from '@jembatan/schema';

const operations = new Map(readSavedOperations().map((operation) => [operation.name, operation.source]));

/** The source of a saved example operation from schema/operations, so tests exercise the real files. */
export function savedOperation(name: string): string {
  const source = operations.get(name);
  if (!source) throw new Error(`No saved operation ${name} in schema/operations`);
  return source;
}

const manifest = readOperationManifest();

/**
 * The body of a published operation as the manifest holds it: what screens send, and the only
 * text the gateway recognises as that operation (the saved file's comments are not part of it).
 */
export function publishedBody(name: string): string {
  const operation = manifest.operations.find((candidate) => candidate.name === name);
  if (!operation) throw new Error(`No operation ${name} in the published manifest`);
  return operation.body;
}
