import { createHash } from 'node:crypto';
import { Kind, print, type OperationDefinitionNode } from 'graphql';
import type { SavedOperation } from './operations';

/** One operation of an Apollo persisted query manifest. */
export interface ManifestOperation {
  /** SHA-256 (hex) of `body`: what a client may send instead of the body. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The exact text a client sends as `query`; the gateway trusts it only byte for byte. */
  body: string;
}

/** Apollo's persisted query manifest format, which Apollo Router and GraphOS also read. */
export interface OperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

export const operationIdOf = (body: string): string => createHash('sha256').update(body).digest('hex');

function operationOf(saved: SavedOperation): { operation: OperationDefinitionNode; name: string } {
  const operations = saved.document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const [operation] = operations;
  if (operations.length !== 1 || !operation?.name) {
    throw new Error(`${saved.file}: a saved operation file must hold exactly one named operation`);
  }
  return { operation, name: operation.name.value };
}

/**
 * The manifest of the saved operations. Each body is the printed document rather than the file's
 * text, so comments and formatting in `schema/operations` can change without changing any id
 * that clients have already shipped.
 */
export function buildOperationManifest(operations: readonly SavedOperation[]): OperationManifest {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: operations.map((saved) => {
      const { operation, name } = operationOf(saved);
      const body = print(saved.document);
      return { id: operationIdOf(body), name, type: operation.operation, body };
    }),
  };
}

/** The manifest as committed: stable key order, two-space indentation, a final newline. */
export const operationManifestFileOf = (manifest: OperationManifest): string =>
  `${JSON.stringify(manifest, null, 2)}\n`;
