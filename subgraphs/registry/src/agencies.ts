import { resolve } from 'node:path';
import registryFile from '../subgraphs.json';

/** One agency subgraph as the registry lists it: who it is and where it listens. */
export interface RegisteredAgency {
  /** The subgraph's name in the supergraph, its folder under `subgraphs/` and its package `@jembatan/<name>`. */
  name: string;
  /** The agency that owns the subgraph and its data, e.g. "BPJS Ketenagakerjaan". */
  agency: string;
  /** Prefix of the subgraph's own environment variables: WORKFORCE → WORKFORCE_PORT, WORKFORCE_DATABASE_URL. */
  envPrefix: string;
  /** Where it listens by default, and the port written into the composed supergraph. */
  port: number;
}

/** The repository root: the paths below (`mainEntryOf`) are relative to it. */
export const REPOSITORY_ROOT = resolve(__dirname, '../../..');

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ENV_PREFIX = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** Reads the registry's entries, failing on the first one that could not be served. */
export function parseRegistry(file: unknown): RegisteredAgency[] {
  const entries = (file as { subgraphs?: unknown } | null)?.subgraphs;
  if (!Array.isArray(entries)) throw new Error('subgraphs.json: "subgraphs" must be a list');
  const agencies = entries.map((entry: Partial<RegisteredAgency>, index): RegisteredAgency => {
    const where = `subgraphs.json: entry ${index + 1}`;
    if (typeof entry.name !== 'string' || !NAME.test(entry.name)) throw new Error(`${where}: invalid name`);
    if (typeof entry.agency !== 'string' || entry.agency.trim() === '') throw new Error(`${where}: agency is required`);
    if (typeof entry.envPrefix !== 'string' || !ENV_PREFIX.test(entry.envPrefix)) {
      throw new Error(`${where}: invalid envPrefix`);
    }
    if (typeof entry.port !== 'number' || !Number.isInteger(entry.port) || entry.port < 1 || entry.port > 65535) {
      throw new Error(`${where}: port must be an integer from 1 to 65535`);
    }
    return { name: entry.name, agency: entry.agency, envPrefix: entry.envPrefix, port: entry.port };
  });
  for (const key of ['name', 'envPrefix', 'port'] as const) {
    const values = agencies.map((agency) => agency[key]);
    const repeated = values.find((value, index) => values.indexOf(value) !== index);
    if (repeated !== undefined) throw new Error(`subgraphs.json: two subgraphs share the ${key} ${repeated}`);
  }
  return agencies;
}

/**
 * Every agency subgraph, in composition order: plain data, so `pnpm start` and the lint
 * configuration read it without loading any agency's code (src/definitions.ts has the code).
 */
export const REGISTERED_AGENCIES: readonly RegisteredAgency[] = parseRegistry(registryFile);

/** The names of the registered agencies, in registry order. */
export const AGENCY_NAMES: readonly string[] = REGISTERED_AGENCIES.map((agency) => agency.name);

/** The entry point a subgraph's process runs, relative to the repository root. */
export const mainEntryOf = (name: string): string => `subgraphs/${name}/src/main.ts`;

/** The URL composed into the supergraph; a gateway overrides it per deployment. */
export const composedUrlOf = (agency: RegisteredAgency): string => `http://localhost:${agency.port}/graphql`;
