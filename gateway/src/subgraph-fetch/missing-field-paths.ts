import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** A path in the subgraph's response, as the gateway maps subgraph error paths onto the client's. */
export type SubgraphResponsePath = (string | number)[];

/**
 * The response names a selection set asks for on an object of `typename` (any type when
 * undefined), through inline fragments and named fragments, `__typename` left out.
 */
function responseNames(
  selectionSet: SelectionSetNode,
  typename: string | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  names = new Set<string>(),
): Set<string> {
  const applies = (typeCondition: string | undefined) =>
    typename === undefined || typeCondition === undefined || typeCondition === typename;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') names.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection.typeCondition?.name.value)) {
        responseNames(selection.selectionSet, typename, fragments, names);
      }
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && applies(fragment.typeCondition.name.value)) {
        responseNames(fragment.selectionSet, typename, fragments, names);
      }
    }
  }
  return names;
}

/**
 * Where a subgraph fetch that failed as a whole leaves holes, as paths in the subgraph's response
 * the gateway knows how to map onto the client's response (`executeQueryPlan`): each root field of
 * a root fetch (`["unit"]`), and each field asked of each entity of an entity fetch
 * (`["_entities", 2, "bpjs"]`, which the gateway turns into `["unit", "workers", "edges", 2,
 * "node", "bpjs"]`). Empty when it cannot tell, and then the error has no path.
 */
export function missingFieldPaths(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): SubgraphResponsePath[] {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const fragments = new Map(
    document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const entitiesField = operation.selectionSet.selections.find(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === '_entities',
  );
  if (entitiesField?.kind !== Kind.FIELD || !entitiesField.selectionSet) {
    return [...responseNames(operation.selectionSet, undefined, fragments)].map((name) => [name]);
  }
  const representations = variables?.representations;
  if (!Array.isArray(representations)) return [];
  const entitySelection = entitiesField.selectionSet;
  return representations.flatMap((representation: unknown, index) => {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    let names = responseNames(entitySelection, typeof typename === 'string' ? typename : undefined, fragments);
    // A fragment on an interface the entity implements does not name the entity's own type.
    if (names.size === 0) names = responseNames(entitySelection, undefined, fragments);
    return [...names].map((name) => ['_entities', index, name]);
  });
}
