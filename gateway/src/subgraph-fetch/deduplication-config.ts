import { z } from 'zod';

/**
 * Whether identical subgraph fetches in flight are sent once (SUBGRAPH_FETCH_DEDUP, `on` by
 * default): `off` sends every fetch, for comparing or if sharing were ever suspected.
 */
export function readFetchDeduplicationConfig(env: Record<string, string | undefined>): boolean {
  const parsed = z
    .enum(['on', 'off'])
    .default('on')
    .safeParse(env.SUBGRAPH_FETCH_DEDUP || undefined);
  if (!parsed.success) {
    throw new Error(
      `Invalid gateway configuration: SUBGRAPH_FETCH_DEDUP: expected on or off, got ${env.SUBGRAPH_FETCH_DEDUP}`,
    );
  }
  return parsed.data === 'on';
}
