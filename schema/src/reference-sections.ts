import {
  astFromValue,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';
import { anchorOf, code, prose } from './reference-markdown';
import { ownershipOf, type TypeOrigin } from './reference-origins';

// One type's section of the schema reference: description, origin, uses, fields or values.

/** A type as written in SDL (`[Unit!]!`), linked to the named type's section unless it is built in. */
function typeRef(type: GraphQLType): string {
  const named = getNamedType(type);
  const text = code(String(type));
  return isSpecifiedScalarType(named) ? text : `[${text}](#${anchorOf(named.name)})`;
}

const boldList = (names: readonly string[]) => names.map((name) => `**${name}**`).join(', ');
export const codeList = (names: readonly string[]) => names.map(code).join(', ');

function deprecation(reason: string | null | undefined): string {
  return reason ? ` **Deprecated:** ${prose(reason)}` : '';
}

function defaultOf(input: GraphQLArgument | GraphQLInputField): string {
  if (input.defaultValue === undefined) return '';
  const literal = astFromValue(input.defaultValue, input.type);
  return literal ? ` = ${code(print(literal))}` : '';
}

function inputLine(input: GraphQLArgument | GraphQLInputField, indent: string): string {
  const description = input.description ? ` — ${prose(input.description)}` : '';
  return `${indent}- ${code(input.name)}: ${typeRef(input.type)}${defaultOf(input)}${description}${deprecation(input.deprecationReason)}`;
}

/**
 * Which subgraphs answer a field: always for a root field (it is where a query goes), otherwise
 * only when the type spans several subgraphs and not all of them resolve the field.
 */
function resolvedBy(origin: TypeOrigin | undefined, field: string, isRoot: boolean): string {
  if (!origin || (!isRoot && origin.subgraphs.length < 2)) return '';
  const resolvers = origin.subgraphs.filter((subgraph) => origin.fieldsBySubgraph[subgraph]?.includes(field));
  const everywhere = resolvers.length === origin.subgraphs.length;
  return resolvers.length === 0 || (everywhere && !isRoot) ? '' : ` _(${resolvers.join(', ')})_`;
}

function fieldLines(field: GraphQLField<unknown, unknown>, origin: TypeOrigin | undefined, isRoot: boolean): string[] {
  const description = field.description ? ` — ${prose(field.description)}` : '';
  const notes = `${deprecation(field.deprecationReason)}${resolvedBy(origin, field.name, isRoot)}`;
  return [
    `- ${code(field.name)}: ${typeRef(field.type)}${description}${notes}`,
    ...field.args.map((arg) => inputLine(arg, '  ')),
  ];
}

function originLine(origin: TypeOrigin | undefined): string | undefined {
  if (!origin) return undefined;
  if (origin.keys.length === 0) {
    return origin.subgraphs.length === 1
      ? `From ${boldList(origin.subgraphs)}.`
      : `Shared by ${boldList(origin.subgraphs)}.`;
  }
  const entity = `Entity, key ${origin.keys.map(code).join(' or ')}`;
  const { owner, contributions } = ownershipOf(origin);
  const added = contributions.map(
    ({ subgraph, fields }) => `**${subgraph}** ${owner ? 'adds' : 'resolves'} ${codeList(fields)}`,
  );
  if (owner) return `${entity}: owned by **${owner}**${added.length > 0 ? `; ${added.join('; ')}` : ''}.`;
  if (added.length > 0) return `${entity}, resolved by several subgraphs: ${added.join('; ')}.`;
  return `${entity}, known to ${boldList(origin.subgraphs)}.`;
}

/** Where a type is used, as links to the types whose fields or arguments name it. */
function usedByLine(type: GraphQLNamedType, usage: Map<string, Set<string>>): string | undefined {
  const users = [...(usage.get(type.name) ?? [])].sort();
  if (users.length === 0) return undefined;
  return `Used by: ${users.map((user) => `[${user}](#${anchorOf(user.split('.')[0] ?? user)})`).join(', ')}.`;
}

export function usageOf(types: readonly GraphQLNamedType[]): Map<string, Set<string>> {
  const usage = new Map<string, Set<string>>();
  const use = (used: GraphQLType, by: string) => {
    const name = getNamedType(used).name;
    usage.set(name, (usage.get(name) ?? new Set()).add(by));
  };
  for (const type of types) {
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        use(field.type, `${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) use(arg.type, `${type.name}.${field.name}`);
      }
    }
    if (isUnionType(type)) for (const member of type.getTypes()) use(member, type.name);
  }
  return usage;
}

function bodyOf(type: GraphQLNamedType, origin: TypeOrigin | undefined, isRoot: boolean): string[] {
  if (isObjectType(type) || isInterfaceType(type)) {
    const interfaces = type.getInterfaces();
    return [
      ...(interfaces.length > 0 ? [`Implements ${interfaces.map(typeRef).join(', ')}.`, ''] : []),
      ...Object.values(type.getFields()).flatMap((field) => fieldLines(field, origin, isRoot)),
    ];
  }
  if (isInputObjectType(type)) return Object.values(type.getFields()).map((field) => inputLine(field, ''));
  if (isUnionType(type)) return [`One of ${type.getTypes().map(typeRef).join(', ')}.`];
  if (isEnumType(type)) {
    return type
      .getValues()
      .map(
        (value) =>
          `- ${code(value.name)}${value.description ? ` — ${prose(value.description)}` : ''}` +
          `${deprecation(value.deprecationReason)}${resolvedBy(origin, value.name, false)}`,
      );
  }
  return [];
}

export interface Context {
  origins: Map<string, TypeOrigin>;
  usage: Map<string, Set<string>>;
  rootNames: Set<string>;
}

export function section(type: GraphQLNamedType, { origins, usage, rootNames }: Context): string[] {
  const origin = origins.get(type.name);
  const isRoot = rootNames.has(type.name);
  const meta = [isRoot ? undefined : originLine(origin), usedByLine(type, usage)].filter((line) => line !== undefined);
  const body = bodyOf(type, origin, isRoot);
  return [
    `### ${type.name}`,
    '',
    ...(type.description ? [prose(type.description), ''] : []),
    ...(meta.length > 0 ? [meta.join(' '), ''] : []),
    ...(body.length > 0 ? [...body, ''] : []),
  ];
}
