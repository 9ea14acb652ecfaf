import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SCHEMA_DIR } from './artifacts';
import { SchemaCheckError } from './check-errors';

export interface SchemaCheckOptions {
  schemaDir: string;
  base: string | undefined;
  help: boolean;
}

export const SCHEMA_CHECK_USAGE = `Usage: pnpm schema:check [--base <revision>] [--schema-dir <folder>]

Composes the subgraphs from the code, checks that the committed schema files are what
\`pnpm schema:generate\` writes, validates the saved operations against the supergraph, and lists
breaking, dangerous and safe changes against the committed SDL at a base revision. A breaking
change fails unless an entry for it is added to schema/breaking-changes.json in the same change.

  --base <revision>      the revision to compare with (also SCHEMA_CHECK_BASE); default: the
                         merge-base with origin/main when HEAD has left it, else HEAD's parent
  --schema-dir <folder>  the folder of the committed schema files (default: this package)

Exit codes: 0 passed, 1 the schema or its files need fixing, 2 the check could not run as asked.`;

/** The options of a check run, from its arguments and environment. */
export function parseCheckOptions(argv: readonly string[], env: NodeJS.ProcessEnv): SchemaCheckOptions {
  let values: { base?: string; 'schema-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        base: { type: 'string' },
        'schema-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SchemaCheckError('USAGE', `${(error as Error).message}\n\n${SCHEMA_CHECK_USAGE}`);
  }
  const base = values.base ?? env.SCHEMA_CHECK_BASE;
  if (base !== undefined && base.trim() === '' && values.base !== undefined) {
    throw new SchemaCheckError('USAGE', '--base needs a revision (a commit, branch or tag)');
  }
  return {
    schemaDir: values['schema-dir'] ? resolve(values['schema-dir']) : SCHEMA_DIR,
    base: base?.trim() ? base.trim() : undefined,
    help: values.help ?? false,
  };
}
