import type { SubgraphDefinition } from '@jembatan/kit';
import { REGISTERED_AGENCIES, type RegisteredAgency } from './agencies';
import { SUBGRAPH_DEFINITIONS } from './definitions';

/** A registered agency with its code: how to build its schema, open its database and serve it. */
export interface RegisteredSubgraph extends RegisteredAgency {
  definition: SubgraphDefinition<unknown>;
}

/**
 * Pairs the registry's entries with the agencies' code, and refuses a registry that disagrees
 * with the code it names: a subgraph listed without code (or the reverse), or a definition whose
 * name, environment prefix or default port differs from its entry.
 */
export function joinRegistry(
  agencies: readonly RegisteredAgency[],
  definitions: Readonly<Record<string, SubgraphDefinition<unknown>>>,
): RegisteredSubgraph[] {
  const unlisted = Object.keys(definitions).filter((name) => !agencies.some((agency) => agency.name === name));
  if (unlisted.length > 0) throw new Error(`Subgraph code without an entry in subgraphs.json: ${unlisted.join(', ')}`);
  return agencies.map((agency) => {
    const definition = definitions[agency.name];
    if (!definition) throw new Error(`subgraphs.json lists ${agency.name}, but src/definitions.ts has no code for it`);
    const differences = [
      definition.name !== agency.name && `name ${definition.name}`,
      definition.envPrefix !== agency.envPrefix && `envPrefix ${definition.envPrefix}`,
      definition.defaultPort !== agency.port && `defaultPort ${definition.defaultPort}`,
    ].filter(Boolean);
    if (differences.length > 0) {
      throw new Error(
        `The ${agency.name} subgraph's definition says ${differences.join(', ')}; subgraphs.json says name ${agency.name}, envPrefix ${agency.envPrefix}, port ${agency.port}`,
      );
    }
    return { ...agency, definition };
  });
}

/** Every agency subgraph with its code, in composition order. */
export const REGISTERED_SUBGRAPHS: readonly RegisteredSubgraph[] = joinRegistry(
  REGISTERED_AGENCIES,
  SUBGRAPH_DEFINITIONS,
);

/** One registered subgraph by name; an unknown name fails listing the known ones. */
export function registeredSubgraph(name: string): RegisteredSubgraph {
  const found = REGISTERED_SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!found) {
    throw new Error(`No subgraph ${name} is registered; known: ${REGISTERED_SUBGRAPHS.map((s) => s.name).join(', ')}`);
  }
  return found;
}
