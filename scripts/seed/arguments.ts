import { parseArgs } from 'node:util';

export interface SeedArguments {
  preset: string;
  reset: boolean;
  /** Subgraph names to seed; all when empty. */
  only: string[];
}

export const usage = (
  presets: readonly string[],
) => `Usage: pnpm seed --preset <${presets.join('|')}> [--reset] [--only workforce|bpjs]

Loads a seed preset into each subgraph's own database (PGlite under data/, or PostgreSQL when
DATABASE_URL or <SUBGRAPH>_DATABASE_URL is set). Loading the preset a database already holds
does nothing; replacing another preset needs --reset. An interrupted load is repaired on the
next run. Stop the services first: a PGlite directory has one owner at a time.`;

/** Parses the command line; throws with a message fit for the user on anything it does not know. */
export function parseSeedArguments(argv: readonly string[]): SeedArguments {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      preset: { type: 'string' },
      reset: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new UsageRequest();
  if (!values.preset) throw new Error('--preset is required');
  return { preset: values.preset, reset: values.reset ?? false, only: values.only ?? [] };
}

/** `--help`: not an error, but the same way out. */
export class UsageRequest extends Error {}
