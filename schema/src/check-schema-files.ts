import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { classifyChanges, compareChanges, type SchemaChange } from './check-changes';
import { SchemaCheckError } from './check-errors';
import { apiSchemaOf } from './operations';

/** The schema SDL of one side of the comparison: the supergraph and each subgraph by name. */
export interface SchemaSdl {
  /** Undefined when the side has no supergraph (a base from before the schema was committed). */
  supergraph: string | undefined;
  subgraphs: Record<string, string>;
}

export interface FileChanges {
  /** The committed file, relative to the schema folder: `supergraph.graphql`, `subgraphs/<name>.graphql`. */
  file: string;
  status: 'new' | 'removed' | 'compared';
  changes: SchemaChange[];
}

export const SUPERGRAPH_FILE = 'supergraph.graphql';
export const subgraphFileOf = (name: string) => `subgraphs/${name}.graphql`;

function built(sdl: string, build: (sdl: string) => GraphQLSchema, where: string): GraphQLSchema {
  try {
    return build(sdl);
  } catch (error) {
    throw new SchemaCheckError('BASELINE_INVALID', `${where} does not build as a schema: ${(error as Error).message}`);
  }
}

/** A subgraph as the gateway sees it, with the `_entities` and `_service` fields federation adds. */
const subgraphSchemaOf = (sdl: string) => buildSubgraphSchema([{ typeDefs: parse(sdl) }]);

async function compareFile(
  file: string,
  before: string | undefined,
  after: string | undefined,
  build: (sdl: string) => GraphQLSchema,
  labels: { before: string; after: string },
): Promise<FileChanges> {
  if (before === undefined) return { file, status: 'new', changes: [] };
  if (after === undefined) return { file, status: 'removed', changes: [] };
  const changes = await classifyChanges(
    built(before, build, `${file} at ${labels.before}`),
    built(after, build, `${file} from ${labels.after}`),
  );
  return { file, status: 'compared', changes };
}

/**
 * The changes from `before` to `after`, per committed file. The supergraph is compared as the API
 * clients see (federation's join machinery stripped); each subgraph as the gateway sees it, so moving
 * a field between subgraphs shows where it left even when the supergraph keeps it.
 */
export async function compareSchemaSdl(
  before: SchemaSdl,
  after: SchemaSdl & { supergraph: string },
  labels: { before: string; after: string },
): Promise<FileChanges[]> {
  const supergraph = await compareFile(SUPERGRAPH_FILE, before.supergraph, after.supergraph, apiSchemaOf, labels);
  const names = [...new Set([...Object.keys(before.subgraphs), ...Object.keys(after.subgraphs)])].sort();
  const subgraphs = await Promise.all(
    names.map(async (name) => {
      const file = await compareFile(
        subgraphFileOf(name),
        before.subgraphs[name],
        after.subgraphs[name],
        subgraphSchemaOf,
        labels,
      );
      if (file.status === 'removed') {
        const removal: SchemaChange = {
          level: 'breaking',
          kind: 'SUBGRAPH_REMOVED',
          coordinate: name,
          message: `Subgraph '${name}' was removed from the supergraph`,
        };
        return { ...file, changes: [removal] };
      }
      return file;
    }),
  );
  return [supergraph, ...subgraphs].map((file) => ({ ...file, changes: [...file.changes].sort(compareChanges) }));
}
