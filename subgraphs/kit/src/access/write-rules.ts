import type { GraphQLSchema } from 'graphql';
import type { WriteRules } from './access-policy';
import { isPurpose, isRole, type Purpose, type Role } from './roles';

/** The Mutation fields one caller may call for one purpose; built once per roles × purpose. */
export type WriteAccess = ReadonlySet<string>;

/**
 * Compiles a policy's write rules against the schema: every rule must name a Mutation field that
 * exists and only known roles and purposes, so a renamed mutation or a misspelt purpose fails at
 * start instead of silently refusing (or, worse, allowing) a change.
 */
export function compileWriteRules(schema: GraphQLSchema, rules: WriteRules) {
  const mutationFields = schema.getMutationType()?.getFields() ?? {};
  for (const [coordinate, byRole] of Object.entries(rules)) {
    const field = coordinate.slice('Mutation.'.length);
    if (!coordinate.startsWith('Mutation.') || !mutationFields[field]) {
      throw new Error(`write rule names unknown mutation "${coordinate}"`);
    }
    for (const [role, purposes] of Object.entries(byRole ?? {})) {
      if (!isRole(role)) throw new Error(`write rule for ${coordinate} names unknown role "${role}"`);
      const unknown = (purposes as readonly string[]).filter((purpose) => !isPurpose(purpose));
      if (unknown.length > 0)
        throw new Error(`write rule for ${coordinate} names unknown purpose ${unknown.join(', ')}`);
    }
  }
  const cache = new Map<string, WriteAccess>();
  return {
    /** Every Mutation field some rule names; any other is refused to everyone. */
    ruledMutations: new Set(Object.keys(rules)) as ReadonlySet<string>,
    writesFor(roles: readonly Role[], purpose: Purpose | null): WriteAccess {
      const key = `${[...roles].sort().join(',')}|${purpose ?? ''}`;
      let allowed = cache.get(key);
      if (!allowed) {
        allowed = new Set(
          purpose === null
            ? []
            : Object.entries(rules)
                .filter(([, byRole]) => roles.some((role) => byRole?.[role]?.includes(purpose)))
                .map(([coordinate]) => coordinate),
        );
        cache.set(key, allowed);
      }
      return allowed;
    },
  };
}
