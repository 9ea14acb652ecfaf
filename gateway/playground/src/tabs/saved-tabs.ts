import type { GraphiQLProps } from 'graphiql';
import { EXAMPLE_VARIABLES } from './example-variables';

type TabDefinition = NonNullable<GraphiQLProps['defaultTabs']>[number];

// Read at build time: the bundle carries the operations as they were when it was built.
const sources = import.meta.glob<string>('@operations/*.graphql', { query: '?raw', import: 'default', eager: true });

const operationName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.graphql$/, '');

/** One tab per saved example operation in schema/operations, in file-name order. */
export const SAVED_TABS: readonly TabDefinition[] = Object.entries(sources)
  .map(([path, query]) => ({ name: operationName(path), query }))
  .sort((a, b) => a.name.localeCompare(b.name))
  .map(({ name, query }) => {
    const variables = EXAMPLE_VARIABLES[name];
    return { query, variables: variables ? JSON.stringify(variables, null, 2) : null };
  });
