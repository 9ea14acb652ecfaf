import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Where `pnpm schema:generate` writes the manifest of the saved operations. */
export const DEFAULT_OPERATION_MANIFEST_PATH = resolve(__dirname, '../../../schema/operations/manifest.json');

export const operationIdOf = (body: string): string => createHash('sha256').update(body).digest('hex');

const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/),
      name: z.string().min(1),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});

/** Apollo's persisted query manifest: the operations trusted clients may send. */
export type OperationManifest = z.infer<typeof manifestSchema>;

/**
 * Checks a manifest before the gateway trusts it: its shape, and that every id is the SHA-256
 * of its body, since an id that does not match would trust some other text.
 */
export function parseOperationManifest(json: unknown): OperationManifest {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid operation manifest: ${problems}`);
  }
  const mismatched = parsed.data.operations.filter((operation) => operationIdOf(operation.body) !== operation.id);
  if (mismatched.length > 0) {
    const names = mismatched.map((operation) => operation.name).join(', ');
    throw new Error(`Invalid operation manifest: id is not the SHA-256 of the body for ${names}`);
  }
  return parsed.data;
}

export function readOperationManifest(path: string = DEFAULT_OPERATION_MANIFEST_PATH): OperationManifest {
  return parseOperationManifest(JSON.parse(readFileSync(path, 'utf8')));
}
