import { Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { QUERY_LIMIT_CODES, QueryLimitError } from './query-limit-error';

/** Response keys the root selection resolves, through fragments; duplicates merge into one resolver call. */
function collectRootKeys(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  keys: Set<string>,
  visitedFragments: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      keys.add((selection.alias ?? selection.name).value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectRootKeys(context, selection.selectionSet, keys, visitedFragments);
    } else if (!visitedFragments.has(selection.name.value)) {
      visitedFragments.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) collectRootKeys(context, fragment.selectionSet, keys, visitedFragments);
    }
  }
}

/**
 * Refuses an operation that asks for more than `max` root fields. graphql-armor has no such
 * limit, and its alias limit does not cover it: `{ a: unit(...) b: units(...) }` and twenty
 * different statistics fields side by side each start their own subgraph fetch.
 */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const keys = new Set<string>();
      collectRootKeys(context, operation.selectionSet, keys, new Set());
      if (keys.size > max) {
        context.reportError(
          new QueryLimitError(
            QUERY_LIMIT_CODES.rootFields,
            `Root fields limit of ${max} exceeded, found ${keys.size}.`,
          ),
        );
      }
      // The rest of the operation is not this rule's concern.
      return false;
    },
  });
}
