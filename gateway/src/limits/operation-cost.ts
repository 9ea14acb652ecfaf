import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface CostWeights {
  /** What a connection field without `first` returns: the subgraphs' default page size. */
  defaultPageSize: number;
  /** The assumed length of a list that has no page size (a worker's claims, a unit's children). */
  listFactor: number;
}

/** A connection in the Relay shape every subgraph uses (see ConnectionType in the kit). */
function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

/**
 * The estimated cost of an operation: about how many values the subgraphs must produce for it,
 * known before anything runs.
 *
 *   cost(selection set) = the sum of cost(field) over its fields, through fragments
 *   cost(field)         = 1                                   for a leaf
 *                       = 1 + m × cost(its selection set)     for an object or list, where m is
 *     - `first` for a field returning a connection: its literal or variable value, or the
 *       default page size when it is absent or null;
 *     - 1 for a list inside a connection (`edges`): `first` already counted it;
 *     - `listFactor` for any other list of objects: it has no page size, so assume a few;
 *     - 1 for a single object.
 *   Introspection fields cost 0: introspection is switched on or off as a whole.
 *
 * So `units(first: 100) { edges { node { code } } }` costs 1 + 100 × (1 + 1 × (1 + 1)) = 301,
 * and nesting a second connection multiplies by its `first` again.
 */
export function estimateOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  weights: CostWeights,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A fragment costs the same wherever it is spread; computing it once keeps fragments that
  // spread fragments twice over from costing exponential time to estimate.
  const fragmentCosts = new Map<string, number>();

  const pageSizeOf = (node: FieldNode, field: GraphQLField<unknown, unknown>): number => {
    const argument = node.arguments?.find((candidate) => candidate.name.value === 'first');
    const type = field.args.find((candidate) => candidate.name === 'first')?.type;
    const value = argument && type ? valueFromAST(argument.value, type, variables) : undefined;
    return typeof value === 'number' && value >= 0 ? value : weights.defaultPageSize;
  };

  const multiplierOf = (node: FieldNode, field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType) => {
    if (isConnectionType(getNamedType(field.type))) return pageSizeOf(node, field);
    if (isListType(getNullableType(field.type))) return isConnectionType(parent) ? 1 : weights.listFactor;
    return 1;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType): number => {
    if (node.name.value.startsWith('__')) return 0;
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    if (!field || !node.selectionSet) return 1;
    return 1 + multiplierOf(node, field, parent) * selectionSetCost(node.selectionSet, getNamedType(field.type));
  };

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && type ? selectionSetCost(fragment.selectionSet, type) : 0;
    fragmentCosts.set(name, cost);
    return cost;
  };

  const selectionSetCost = (selectionSet: SelectionSetNode, parent: GraphQLNamedType): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        cost += selectionSetCost(selection.selectionSet, condition ?? parent);
      } else {
        cost += fragmentCost(selection.name.value);
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionSetCost(operation.selectionSet, root) : 0;
}
