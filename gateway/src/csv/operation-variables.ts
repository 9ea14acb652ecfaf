import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLList,
  isListType,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** A query parameter does not fit the operation's variables: the request's fault (400). */
export class VariablesError extends Error {}

/** Reads one parameter's text as the variable's type would read it from JSON. */
function fromText(text: string, type: GraphQLInputType): unknown {
  if (isListType(getNullableType(type))) {
    const element = (getNullableType(type) as GraphQLList<GraphQLInputType>).ofType;
    return text === '' ? [] : text.split(',').map((part) => fromText(part.trim(), element));
  }
  switch (getNamedType(type).name) {
    case 'Int':
    case 'Float':
      // Left as text when it is not a number, so graphql's own coercion names the problem.
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    case 'Boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
}

/**
 * The variables of a saved operation from URL query parameters (`?year=2016&regionCode=31`),
 * coerced and checked by graphql-js exactly as a JSON request's variables would be. Parameters
 * the operation does not declare are refused rather than ignored: a misspelt filter would
 * otherwise silently export the unfiltered table.
 */
export function variablesFromParameters(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  parameters: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const definitions = operation.variableDefinitions ?? [];
  const declared = new Map(definitions.map((definition) => [definition.variable.name.value, definition]));
  const inputs: Record<string, unknown> = {};
  for (const [name, text] of parameters) {
    const definition = declared.get(name);
    if (!definition) {
      const names = [...declared.keys()];
      throw new VariablesError(
        `Unknown parameter "${name}"; ${operation.name?.value ?? 'this operation'} takes ${
          names.length > 0 ? names.join(', ') : 'no parameters'
        }`,
      );
    }
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) throw new VariablesError(`Parameter "${name}" has a type the schema does not define`);
    inputs[name] = fromText(text, type);
  }
  const coerced = getVariableValues(schema, definitions, inputs, { maxErrors: 5 });
  if (coerced.errors) throw new VariablesError(coerced.errors.map((error) => error.message).join('; '));
  return coerced.coerced;
}
