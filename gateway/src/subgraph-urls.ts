import { readEnvironment } from '@jembatan/kit/http';
import { z } from 'zod';
import { REGISTERED_AGENCIES, type RegisteredAgency } from '@jembatan/subgraph-registry/agencies';

const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * Where the gateway calls each registered subgraph (subgraphs/registry): `<PREFIX>_URL` when it
 * runs elsewhere, else this host at the subgraph's own `<PREFIX>_PORT`, else its registered port.
 * A subgraph added with `pnpm new-subgraph` is found the same way, with no change here.
 */
export function readSubgraphUrls(
  env: Record<string, string | undefined>,
  agencies: readonly RegisteredAgency[] = REGISTERED_AGENCIES,
): Record<string, string> {
  return Object.fromEntries(agencies.map((agency) => [agency.name, readSubgraphUrl(env, agency)]));
}

function readSubgraphUrl(env: Record<string, string | undefined>, { envPrefix: p, port }: RegisteredAgency): string {
  const read = readEnvironment(
    {
      [`${p}_URL`]: httpUrl.optional(),
      [`${p}_PORT`]: z.coerce.number().int().min(1).max(65535).default(port),
    },
    env,
    'gateway',
  );
  const values = read as Record<string, string | number | undefined>;
  return (values[`${p}_URL`] as string | undefined) ?? `http://127.0.0.1:${values[`${p}_PORT`]}/graphql`;
}
