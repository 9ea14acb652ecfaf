/**
 * Why the schema check could not run or could not trust its inputs, each with a stable code.
 * Exit code 2 means "the check was asked something it cannot answer" (a bad option, a base that is
 * not in this clone); 1 means the schema or its files need fixing.
 */
export type SchemaCheckErrorCode =
  'USAGE' | 'BASE_NOT_FOUND' | 'GIT_FAILED' | 'BASELINE_INVALID' | 'ACKNOWLEDGEMENTS_INVALID';

const EXIT_CODES: Record<SchemaCheckErrorCode, 1 | 2> = {
  USAGE: 2,
  BASE_NOT_FOUND: 2,
  GIT_FAILED: 2,
  BASELINE_INVALID: 1,
  ACKNOWLEDGEMENTS_INVALID: 1,
};

export class SchemaCheckError extends Error {
  readonly exitCode: 1 | 2;

  constructor(
    readonly code: SchemaCheckErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SchemaCheckError';
    this.exitCode = EXIT_CODES[code];
  }
}
