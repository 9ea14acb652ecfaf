import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface CachePolicy {
  /** Seconds; 0 when anything read may not be cached. */
  maxAge: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

interface Hint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
  inheritMaxAge?: boolean;
}

function hintOf(directives: readonly ConstDirectiveNode[] | undefined): Hint | undefined {
  const directive = directives?.find((each) => each.name.value === 'cacheControl');
  if (!directive) return undefined;
  const argument = (name: string) => directive.arguments?.find((each) => each.name.value === name)?.value;
  const maxAge = argument('maxAge');
  const scope = argument('scope');
  const inherit = argument('inheritMaxAge');
  return {
    maxAge: maxAge?.kind === Kind.INT ? Number(maxAge.value) : undefined,
    scope:
      scope?.kind === Kind.ENUM && (scope.value === 'PUBLIC' || scope.value === 'PRIVATE') ? scope.value : undefined,
    inheritMaxAge: inherit?.kind === Kind.BOOLEAN && inherit.value,
  };
}

const typeHint = (type: GraphQLNamedType): Hint =>
  hintOf(type.astNode?.directives) ??
  type.extensionASTNodes.map((node) => hintOf(node.directives)).find((hint) => hint !== undefined) ??
  {};

const fieldHint = (field: GraphQLField<unknown, unknown>): Hint => hintOf(field.astNode?.directives) ?? {};

/**
 * The cache policy of an operation, read off the `@cacheControl` hints of the fields and types it
 * selects, before it runs: what Apollo Server's cache-control plugin works out while resolving,
 * field by field, with the same rules — a field takes its own hint, else its type's; a root
 * field or a field of object type with neither gets `maxAge` 0; a scalar inherits; the
 * operation gets the smallest `maxAge` and PRIVATE if anything is. A field of a union or
 * interface type (`_entities`) takes the strictest hint of the types its fragments name, where
 * the plugin takes those of the types actually returned: the same or stricter. Our resolvers set
 * no hints of their own, so nothing is lost by not asking them, and no per-field hook runs.
 */
export function staticCachePolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): CachePolicy {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const policy: CachePolicy = { maxAge: Number.POSITIVE_INFINITY, scope: 'PUBLIC' };
  const restrict = (hint: Hint) => {
    if (hint.maxAge !== undefined) policy.maxAge = Math.min(policy.maxAge, hint.maxAge);
    if (hint.scope === 'PRIVATE') policy.scope = 'PRIVATE';
  };

  const fieldsOf = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
  ): [FieldNode, GraphQLCompositeType][] =>
    selectionSet.selections.flatMap((selection): [FieldNode, GraphQLCompositeType][] => {
      if (selection.kind === Kind.FIELD) return [[selection, parent]];
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) return [];
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      return condition && isCompositeType(condition) ? fieldsOf(fragment.selectionSet, condition) : [];
    });

  /** The object types a selection on an abstract type names in its fragments. */
  const typesNamedIn = (selectionSet: SelectionSetNode): GraphQLNamedType[] =>
    selectionSet.selections.flatMap((selection) => {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment || fragment.kind === Kind.FIELD || !fragment.typeCondition) return [];
      const type = schema.getType(fragment.typeCondition.name.value);
      return type ? [type] : [];
    });

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, root: boolean) => {
    for (const [node, parentType] of fieldsOf(selectionSet, parent)) {
      // A union's own fields are `__typename` only; introspection is no agency's data.
      if (node.name.value.startsWith('__') || !('getFields' in parentType)) continue;
      const field = parentType.getFields()[node.name.value];
      if (!field) continue;
      const target = getNamedType(field.type);
      const composite = isCompositeType(target);
      let hint: Hint = composite && !isAbstractType(target) ? { ...typeHint(target) } : {};
      if (composite && isAbstractType(target) && node.selectionSet) {
        const named = typesNamedIn(node.selectionSet).filter(isObjectType).map(typeHint);
        const ages = named.map((each) => each.maxAge ?? 0);
        hint = ages.length > 0 ? { maxAge: Math.min(...ages) } : {};
        if (named.some((each) => each.scope === 'PRIVATE')) hint.scope = 'PRIVATE';
      }
      let inherits = Boolean(hint.inheritMaxAge);
      const own = fieldHint(field);
      if (own.inheritMaxAge && hint.maxAge === undefined) {
        inherits = true;
        if (own.scope) hint.scope = own.scope;
      } else {
        hint = { ...hint, ...Object.fromEntries(Object.entries(own).filter(([, value]) => value !== undefined)) };
      }
      if (hint.maxAge === undefined && ((composite && !inherits) || root)) hint.maxAge = 0;
      restrict(hint);
      if (node.selectionSet && composite) walk(node.selectionSet, target, false);
    }
  };

  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return { maxAge: 0, scope: 'PUBLIC' };
  walk(operation.selectionSet, rootType, true);
  return Number.isFinite(policy.maxAge) ? policy : { maxAge: 0, scope: policy.scope };
}
