import {
  EnumType,
  InputObjectType,
  InterfaceType,
  ObjectType,
  Supergraph,
  type NamedType,
} from '@apollo/federation-internals';

/** Where a type of the supergraph comes from, read from its `@join__*` directives. */
export interface TypeOrigin {
  /** The subgraphs that define the type, by name, sorted. */
  subgraphs: string[];
  /** The distinct `@key` field sets, for an entity. */
  keys: string[];
  /** For each subgraph, the fields it resolves itself (not `@external`), in declaration order. */
  fieldsBySubgraph: Record<string, string[]>;
}

function ownFieldsOf(type: NamedType): string[] {
  if (type instanceof ObjectType || type instanceof InterfaceType || type instanceof InputObjectType) {
    return [...type.fields()].filter((field) => !field.hasAppliedDirective('external')).map((field) => field.name);
  }
  if (type instanceof EnumType) return type.values.map((value) => value.name);
  return [];
}

/**
 * The origin of every type of a supergraph, by type name. It lets Apollo's own extraction interpret
 * the join directives (the same code that plans queries), rather than reading them by hand.
 */
export function typeOriginsOf(supergraphSdl: string): Map<string, TypeOrigin> {
  const origins = new Map<string, TypeOrigin>();
  const subgraphs = [...Supergraph.build(supergraphSdl).subgraphs().values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const subgraph of subgraphs) {
    for (const type of subgraph.schema.types()) {
      const origin = origins.get(type.name) ?? { subgraphs: [], keys: [], fieldsBySubgraph: {} };
      origin.subgraphs.push(subgraph.name);
      for (const key of type.appliedDirectivesOf('key')) {
        const fields = String((key.arguments() as { fields?: unknown }).fields);
        if (!origin.keys.includes(fields)) origin.keys.push(fields);
      }
      origin.fieldsBySubgraph[subgraph.name] = ownFieldsOf(type);
      origins.set(type.name, origin);
    }
  }
  return origins;
}

/** The top-level field names of a key's field set: `id`, or `a b { c }` → a, b. */
export function keyFieldNamesOf(fieldSet: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const token of fieldSet.match(/[_A-Za-z][_0-9A-Za-z]*|[{}]/g) ?? []) {
    if (token === '{') depth += 1;
    else if (token === '}') depth -= 1;
    else if (depth === 0) names.push(token);
  }
  return names;
}

export interface Ownership {
  /** The subgraph resolving the most of the entity's fields beyond its keys; none when several tie. */
  owner: string | undefined;
  /** Every other subgraph that resolves fields beyond the keys, with those fields. */
  contributions: { subgraph: string; fields: string[] }[];
}

/** Who owns an entity and who extends it, counted by the fields each subgraph resolves beyond the keys. */
export function ownershipOf(origin: TypeOrigin): Ownership {
  const keyFields = new Set(origin.keys.flatMap(keyFieldNamesOf));
  const contributions = origin.subgraphs
    .map((subgraph) => ({
      subgraph,
      fields: (origin.fieldsBySubgraph[subgraph] ?? []).filter((field) => !keyFields.has(field)),
    }))
    .filter((contribution) => contribution.fields.length > 0);
  const most = Math.max(0, ...contributions.map((contribution) => contribution.fields.length));
  const leaders = contributions.filter((contribution) => contribution.fields.length === most);
  const owner = leaders.length === 1 ? leaders[0] : undefined;
  return { owner: owner?.subgraph, contributions: contributions.filter((contribution) => contribution !== owner) };
}
