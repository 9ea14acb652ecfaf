import { bpjsSubgraph } from '@jembatan/bpjs';
import type { SubgraphDefinition } from '@jembatan/kit';
import { workforceSubgraph } from '@jembatan/workforce';

/**
 * Each registered agency's code, by name: what composition, the e2e harness and the scripts
 * build and start. `pnpm new-subgraph` adds an import and an entry here when it appends the
 * agency to subgraphs.json; the two must list the same agencies (see registered-subgraphs.ts).
 */
export const SUBGRAPH_DEFINITIONS: Readonly<Record<string, SubgraphDefinition<unknown>>> = {
  workforce: workforceSubgraph,
  bpjs: bpjsSubgraph,
};
