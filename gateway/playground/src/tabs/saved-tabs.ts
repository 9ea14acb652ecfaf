import type { GraphiQLProps } from 'graphiql';
import { Kind, parse } from 'graphql';
import { operationCallerOf, type OperationCaller } from '@jembatan/kit/saved-operations';
import { EXAMPLE_VARIABLES } from './example-variables';

type TabDefinition = NonNullable<GraphiQLProps['defaultTabs']>[number];

/** A saved example operation: its name (the file's), its source, and the caller its header names. */
export interface SavedOperation {
  name: string;
  query: string;
  caller: OperationCaller | null;
  /** A query, which reads only; a CSV export runs nothing else. */
  isQuery: boolean;
}

const isQuery = (source: string) =>
  parse(source).definitions.some(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'query',
  );

// Read at build time: the bundle carries the operations as they were when it was built.
const sources = import.meta.glob<string>('@operations/*.graphql', { query: '?raw', import: 'default', eager: true });

const operationName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.graphql$/, '');

/** The saved operations in schema/operations, in file-name order. */
export const SAVED_OPERATIONS: readonly SavedOperation[] = Object.entries(sources)
  .map(([path, query]) => ({
    name: operationName(path),
    query,
    caller: operationCallerOf(query),
    isQuery: isQuery(query),
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** One tab per saved operation, with variables that answer on the demo data. */
export const SAVED_TABS: readonly TabDefinition[] = SAVED_OPERATIONS.map(({ name, query }) => {
  const variables = EXAMPLE_VARIABLES[name];
  return { query, variables: variables ? JSON.stringify(variables, null, 2) : null };
});

/** The saved operation of this name, if there is one. */
export const savedOperationNamed = (name: string | null | undefined): SavedOperation | undefined =>
  SAVED_OPERATIONS.find((operation) => operation.name === name);
