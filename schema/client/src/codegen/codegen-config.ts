import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import type { GraphQLSchema } from 'graphql';

/** Where the typed document nodes go, relative to this package (only a key: nothing is written by codegen). */
export const OPERATIONS_OUTPUT = 'src/generated/operations.ts';

/**
 * How the custom scalars of the supergraph reach TypeScript. `strictScalars` makes codegen fail on
 * any scalar missing here, so a new one cannot silently become `any`.
 */
export const SCALARS = {
  ID: 'string',
  /** Whole Rupiah as a decimal string ("504000000000"): sums exceed what a JS number holds exactly. */
  Rupiah: 'string',
  /** ISO date, `YYYY-MM-DD`. */
  Date: 'string',
} as const;

export interface CodegenInputs {
  /** The client-facing API schema: the supergraph without its federation `join__*` machinery. */
  apiSchema: GraphQLSchema;
  /** The folder of saved operations, one `.graphql` file each. */
  operationsDir: string;
}

/**
 * graphql-codegen's configuration for the typed client: result and variable types for every saved
 * operation, enums as const objects (values to iterate over, and a union type of the same name),
 * and a TypedDocumentNode per operation. Everything is local, so codegen never touches a network.
 */
export function codegenConfigFor({ apiSchema, operationsDir }: CodegenInputs): CodegenConfig {
  return {
    schema: apiSchema,
    documents: [join(operationsDir, '*.graphql')],
    silent: true,
    generates: {
      [OPERATIONS_OUTPUT]: {
        plugins: ['typescript-operations', 'typed-document-node'],
        config: {
          strictScalars: true,
          scalars: SCALARS,
          enumType: 'const',
          namingConvention: { enumValues: 'keep' },
          useTypeImports: true,
        },
      },
    },
  };
}
