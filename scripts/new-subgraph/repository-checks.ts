import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type DocumentNode } from 'graphql';
import type { RegisteredAgency } from '@jembatan/subgraph-registry/agencies';
import type { AgencyNames } from './agency-names';
import { GeneratorRefusal } from './generator-refusal';

/**
 * Names a new subgraph may not take: the repository's other packages and folders, and words
 * whose folder or data directory means something else (`data/keys` holds the development keys).
 */
const RESERVED_NAMES = new Set([
  'kit',
  'seed-world',
  'registry',
  'subgraph-registry',
  'gateway',
  'playground',
  'schema',
  'client',
  'test',
  'e2e',
  'scripts',
  'templates',
  'keys',
  'data',
  'jembatan',
  'supergraph',
  'subgraph',
  'subgraphs',
  'node-modules',
  'all',
]);

/** The GraphQL names a new subgraph adds to the supergraph, which must all be free. */
export function schemaNamesOf({ Pascal, camel }: AgencyNames) {
  return {
    types: [
      `${Pascal}Record`,
      `${Pascal}RecordConnection`,
      `${Pascal}RecordEdge`,
      `${Pascal}RecordStatus`,
      `${Pascal}Statistics`,
      `${Pascal}StatusCount`,
    ],
    fields: [
      `Query.${camel}Record`,
      `Query.${camel}Records`,
      `Query.${camel}Statistics`,
      `Worker.${camel}Records`,
      `AccessLog.${camel}`,
    ],
  };
}

/** Every type name and `Type.field` coordinate a supergraph defines. */
function definedNames(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name) continue;
    names.add(definition.name.value);
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) {
      for (const field of definition.fields ?? []) names.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return names;
}

export interface RepositoryState {
  root: string;
  agencies: readonly RegisteredAgency[];
}

/** Refuses a name that is taken, reserved, or would clash with a variable or a GraphQL name in use. */
export function checkNameIsFree({ root, agencies }: RepositoryState, names: AgencyNames): void {
  const { name, ENV } = names;
  if (RESERVED_NAMES.has(name)) {
    throw new GeneratorRefusal(
      'NAME_RESERVED',
      `"${name}" is reserved in this repository; choose the agency's own name`,
    );
  }
  const folders = readdirSync(join(root, 'subgraphs'));
  if (agencies.some((agency) => agency.name === name) || folders.includes(name)) {
    throw new GeneratorRefusal('NAME_TAKEN', `A subgraph "${name}" already exists (subgraphs/${name})`);
  }
  if (existsSync(join(root, 'test', `${name}.e2e.ts`))) {
    throw new GeneratorRefusal('NAME_TAKEN', `test/${name}.e2e.ts already exists`);
  }
  const documented = [...readFileSync(join(root, '.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map(
    (match) => match[1]!,
  );
  const clash = documented.find((variable) => variable === ENV || variable.startsWith(`${ENV}_`));
  if (clash) {
    throw new GeneratorRefusal(
      'ENV_CLASH',
      `"${name}" would read variables named ${ENV}_*, and ${clash} already means something else (.env.example)`,
    );
  }
  const inUse = definedNames(parse(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8')));
  const { types, fields } = schemaNamesOf(names);
  const taken = [...types, ...fields].filter((coordinate) => inUse.has(coordinate));
  if (taken.length > 0) {
    throw new GeneratorRefusal(
      'SCHEMA_CLASH',
      `"${name}" would add ${taken.join(', ')}, already in schema/supergraph.graphql; choose another name`,
    );
  }
}

/** The gateway's default port, which no subgraph may take. */
const GATEWAY_PORT = 4000;

/** The requested port if it is free, else the next port after every registered one. */
export function choosePort({ agencies }: RepositoryState, requested: number | undefined): number {
  if (requested === undefined) return Math.max(GATEWAY_PORT, ...agencies.map((agency) => agency.port)) + 1;
  const owner = requested === GATEWAY_PORT ? 'the gateway' : agencies.find((agency) => agency.port === requested)?.name;
  if (owner)
    throw new GeneratorRefusal('PORT_TAKEN', `Port ${requested} is ${owner}'s; choose another or leave --port out`);
  return requested;
}
