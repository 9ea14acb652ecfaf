import { readFileSync } from 'node:fs';

/**
 * The published operations' names by body, from the manifest the gateway enforces
 * (schema/operations/manifest.json). Read as plain JSON: the gateway's own reader would load
 * the gateway package into a peer's process, and Jembatan's gateway checks the manifest anyway.
 */
export function operationNamesByBody(manifestPath: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { operations: { name: string; body: string }[] };
  return new Map(manifest.operations.map((operation) => [operation.body, operation.name]));
}
