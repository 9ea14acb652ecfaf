import { isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import type { AccessPolicy } from './access-policy';
import { compileAccessPolicy } from './field-access';
import { PURPOSES, ROLES, type Purpose } from './roles';

const isGuarded = (typeName: string) => !typeName.startsWith('_');
const FEDERATION_ROOT_FIELDS = new Set(['Query._entities', 'Query._service']);

/** How a Mutation field without a write rule is reported: refused to everyone until one is written. */
export const NO_WRITE_RULE = "(no write rule: add it to `writes` in the agency's access-policy.ts)";

/**
 * What a policy leaves to chance, for a spec to keep empty: fields no group classifies (they are
 * unreadable by everyone, which is rarely what the author meant) and mutations no write rule
 * names (refused to everyone), and non-null fields a grant
 * leaves out of a type it otherwise opens (the denial would null the parent, not just the field).
 */
export function findPolicyGaps<TGroup extends string>(schema: GraphQLSchema, policy: AccessPolicy<TGroup>) {
  const compiled = compileAccessPolicy(schema, policy);
  const objectTypes = Object.values(schema.getTypeMap()).filter(
    (type) => isObjectType(type) && !type.name.startsWith('__') && isGuarded(type.name),
  );
  const unclassified: string[] = [];
  const mutationType = schema.getMutationType();
  for (const type of objectTypes) {
    if (!isObjectType(type)) continue;
    for (const field of Object.keys(type.getFields())) {
      const coordinate = `${type.name}.${field}`;
      if (type === mutationType) {
        if (!compiled.ruledMutations.has(coordinate)) unclassified.push(`${coordinate} ${NO_WRITE_RULE}`);
        continue;
      }
      if (!FEDERATION_ROOT_FIELDS.has(coordinate) && !compiled.classifiedFields.has(coordinate)) {
        unclassified.push(coordinate);
      }
    }
  }
  const nullHazards: string[] = [];
  for (const role of ROLES) {
    for (const purpose of [null, ...PURPOSES] as (Purpose | null)[]) {
      const access = compiled.accessFor([role], purpose);
      for (const type of objectTypes) {
        if (!isObjectType(type) || type === schema.getQueryType() || type === mutationType) continue;
        const fields = Object.values(type.getFields());
        if (!fields.some((field) => access.has(`${type.name}.${field.name}`))) continue;
        for (const field of fields) {
          const coordinate = `${type.name}.${field.name}`;
          if (isNonNullType(field.type) && !access.has(coordinate)) {
            nullHazards.push(`${role}/${purpose ?? 'no purpose'}: ${coordinate}`);
          }
        }
      }
    }
  }
  return { unclassified, nullHazards };
}
