import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import type { Access, AccessPolicy } from './access-policy';
import type { Purpose, Role } from './roles';
import { compileWriteRules } from './write-rules';

/** The fields one caller may read for one purpose, and how; built once per roles × purpose. */
export type FieldAccess = ReadonlyMap<string, Access>;

const MASKED_SUFFIX = ' (masked)';

/** `Type.*` and `Type.field` coordinates of a group, checked against the schema. */
function expandCoordinates(schema: GraphQLSchema, coordinates: readonly string[]): string[] {
  return coordinates.flatMap((coordinate) => {
    const [typeName, fieldName] = coordinate.split('.');
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!type || !isObjectType(type)) throw new Error(`access policy names unknown type in "${coordinate}"`);
    if (fieldName === '*') return Object.keys(type.getFields()).map((name) => `${typeName}.${name}`);
    if (!fieldName || !type.getFields()[fieldName])
      throw new Error(`access policy names unknown field "${coordinate}"`);
    return [coordinate];
  });
}

/**
 * Compiles a policy against the schema it guards: every coordinate must exist (a renamed field
 * fails at start, not silently), and every field shown masked must have a mask.
 */
export function compileAccessPolicy<TGroup extends string>(schema: GraphQLSchema, policy: AccessPolicy<TGroup>) {
  const fieldsOf = new Map<string, string[]>();
  for (const [group, coordinates] of Object.entries(policy.groups) as [TGroup, readonly string[]][]) {
    fieldsOf.set(group, expandCoordinates(schema, coordinates));
  }
  const personalFields = new Set(policy.personal.flatMap((group) => fieldsOf.get(group) ?? []));

  const grantsOf = (roles: readonly Role[], purpose: Purpose | null): string[] =>
    roles.flatMap((role) => {
      const grants = policy.grants[role] ?? {};
      return [...(grants.always ?? []), ...(purpose ? (grants[purpose] ?? []) : [])];
    });

  for (const [role, grants] of Object.entries(policy.grants)) {
    for (const [purpose, groups] of Object.entries(grants ?? {})) {
      for (const grant of groups as string[]) {
        const group = grant.replace(MASKED_SUFFIX, '') as TGroup;
        if (!fieldsOf.has(group)) throw new Error(`${role} is granted unknown group "${group}"`);
        if (purpose === 'always' && policy.personal.includes(group)) {
          throw new Error(`${role} may not read personal group "${group}" without a purpose`);
        }
        if (grant.endsWith(MASKED_SUFFIX)) {
          const unmasked = fieldsOf.get(group)!.filter((coordinate) => !policy.masks[coordinate]);
          if (unmasked.length > 0) throw new Error(`no mask for ${unmasked.join(', ')} (granted masked to ${role})`);
        }
      }
    }
  }

  const writes = compileWriteRules(schema, policy.writes ?? {});
  const cache = new Map<string, FieldAccess>();
  return {
    ...writes,
    personalFields: personalFields as ReadonlySet<string>,
    /** Every field some group classifies; the rest of the schema is unreadable. */
    classifiedFields: new Set([...fieldsOf.values()].flat()) as ReadonlySet<string>,
    accessFor(roles: readonly Role[], purpose: Purpose | null): FieldAccess {
      const key = `${[...roles].sort().join(',')}|${purpose ?? ''}`;
      let access = cache.get(key);
      if (!access) {
        const built = new Map<string, Access>();
        for (const grant of grantsOf(roles, purpose)) {
          const masked = grant.endsWith(MASKED_SUFFIX);
          for (const coordinate of fieldsOf.get(grant.replace(MASKED_SUFFIX, '') as TGroup)!) {
            // Two roles granting the same field: the more open grant wins.
            if (!masked || !built.has(coordinate)) built.set(coordinate, masked ? 'masked' : 'read');
          }
        }
        access = built;
        cache.set(key, access);
      }
      return access;
    },
  };
}

export type CompiledAccessPolicy = ReturnType<typeof compileAccessPolicy>;
