/** Codegen could not produce the typed client: an operation no longer fits the schema, or inputs disagree. */
export class ClientCodegenError extends Error {
  override readonly name = 'ClientCodegenError';
}
