import { parseArgs } from 'node:util';
import { GeneratorRefusal } from './generator-refusal';

export interface NewSubgraphArguments {
  name: string;
  /** The agency's name as people write it; derived from the subgraph name when absent. */
  title: string | undefined;
  /** The port to listen on by default; the next free one when absent. */
  port: number | undefined;
}

export const USAGE = `Usage: pnpm new-subgraph <name> [--title "Badan Pertanahan Nasional"] [--port 4003]

Stamps a new agency subgraph into subgraphs/<name>/ (an example entity federated with Pemprov
DKI's Worker on NIK: entity, GraphQL type, resolvers, DataLoader, Relay connection, migration,
demo seed, access policy, specs) and test/<name>.e2e.ts; registers it in subgraphs/registry
(composition, pnpm start, the seed and audit scripts, the e2e harness and lint read it there);
documents its variables in .env.example and docs/configuration.md; installs offline and regenerates the
supergraph. <name>: 2 to 16 lowercase letters, digits and single hyphens, starting with a letter.`;

/** `--help`: not a refusal, but the same way out. */
export class UsageRequest extends Error {}

/** Parses the command line; throws a USAGE refusal with a message fit for the user. */
export function parseNewSubgraphArguments(argv: readonly string[]): NewSubgraphArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { title: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new GeneratorRefusal('USAGE', (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageRequest();
  if (positionals.length !== 1) {
    throw new GeneratorRefusal('USAGE', `Give exactly one subgraph name (got ${positionals.length})`);
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port < 1024 || port > 65535) {
      throw new GeneratorRefusal(
        'INVALID_PORT',
        `--port must be a whole number from 1024 to 65535, got "${values.port}"`,
      );
    }
  }
  return { name: positionals[0]!, title: values.title, port };
}
