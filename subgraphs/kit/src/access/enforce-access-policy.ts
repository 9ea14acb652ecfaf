import {
  defaultFieldResolver,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { AccessPolicy } from './access-policy';
import type { AccessRecorder } from './access-recorder';
import type { FieldAccess, CompiledAccessPolicy } from './field-access';
import { personalReadsFor, subjectsLookedUp, type PersonalReadContext, type PersonalReads } from './personal-read';
import type { WithheldFields } from './withheld-fields';
import { forbidden } from './forbidden';

export { forbidden } from './forbidden';

/** What the guard needs from a request's context. */
export interface GuardedContext extends PersonalReadContext {
  access: FieldAccess;
  accessRecorder: AccessRecorder;
  /** The fields withheld from this request, sent as one error each (withheldFieldsPlugin). */
  withheldFields: WithheldFields;
}

/** Federation's own entry points: `_entities` hands out objects whose fields are then guarded one by one. */
const FEDERATION_ROOT_FIELDS = new Set(['Query._entities', 'Query._service']);
const isMachinery = (typeName: string) => typeName.startsWith('_');

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * Puts the agency's policy in front of every field resolver of its schema, on every path
 * (root queries, nested fields and `_entities` alike): an ungranted field resolves to null, with
 * one FORBIDDEN error for that field of the query however many rows it was withheld from (see
 * WithheldFields), a masked one to its mask, and each personal read is recorded.
 */
export function enforceAccessPolicy<TGroup extends string>(
  schema: GraphQLSchema,
  policy: AccessPolicy<TGroup>,
  compiled: CompiledAccessPolicy,
): GraphQLSchema {
  const personalReads = personalReadsFor(policy);
  const lookups = policy.lookups ?? {};
  checkLookups(schema, lookups);
  const entities = schema.getQueryType()?.getFields()._entities;
  if (entities) guardEntityLookups(entities, lookups, personalReads);
  const mutationType = schema.getMutationType();
  if (mutationType) guardMutations(mutationType.getFields(), compiled.ruledMutations);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || isMachinery(type.name)) continue;
    if (type === mutationType) continue;
    const subjectsOf = policy.subjectsOf[type.name] as ((source: unknown) => readonly string[]) | undefined;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (FEDERATION_ROOT_FIELDS.has(coordinate)) continue;
      const personal = compiled.personalFields.has(coordinate);
      if (personal && !subjectsOf)
        throw new Error(`access policy: no subjectsOf for ${type.name}, which has ${coordinate}`);
      const maskString = policy.masks[coordinate];
      const mask = maskString && ((value: unknown) => (typeof value === 'string' ? maskString(value) : value));
      const lookup = lookups[coordinate];
      const nullable = !isNonNullType(field.type);
      const maskedField = `${coordinate} (masked)`;
      const resolve: GraphQLFieldResolver<unknown, GuardedContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const access = context.access.get(coordinate);
        if (!access) {
          const withheld = context.withheldFields.withhold(coordinate, info);
          // A non-null field can only be withheld by an error, which nulls its parent.
          if (nullable) return null;
          throw withheld;
        }
        // Most reads: no lookup to check and no data subject to check against. Recorded as the
        // longer way below would, without its per-field arrays (a page reads thousands of fields).
        const resolveShown = () => {
          const value = resolve(source, args, context, info);
          if (access === 'read' || !mask) return value;
          return isPromiseLike(value) ? Promise.resolve(value).then(mask) : mask(value);
        };
        if (!lookup && !context.dataSubject) {
          if (personal)
            context.accessRecorder.recordOf(access === 'masked' ? maskedField : coordinate, source, subjectsOf!);
          return resolveShown();
        }
        const reads: unknown[] = [];
        if (lookup) {
          const subjects = subjectsLookedUp(lookup, args);
          if (subjects.length > 0) reads.push(personalReads.read(context, { field: coordinate, coordinate }, subjects));
        }
        if (personal) {
          const field = access === 'masked' ? maskedField : coordinate;
          reads.push(personalReads.read(context, { field, coordinate }, subjectsOf!(source)));
        }
        // Reads are checked asynchronously only under DATA_SUBJECT_REQUEST.
        const pending = reads.filter(isPromiseLike);
        return pending.length === 0 ? resolveShown() : Promise.all(pending).then(resolveShown);
      };
    }
  }
  return schema;
}

/**
 * Mutations are guarded by the policy's write rules, not its read groups: a Mutation field no rule
 * names is refused to everyone here, before it runs. Whether this caller may make this change for
 * this purpose is checked by runWrite, the one way a mutation writes, which also records a
 * refused attempt in the audit trail.
 */
function guardMutations(fields: Record<string, GraphQLField<unknown, GuardedContext>>, ruled: ReadonlySet<string>) {
  for (const field of Object.values(fields)) {
    const coordinate = `Mutation.${field.name}`;
    if (ruled.has(coordinate)) continue;
    field.resolve = () => {
      throw forbidden(coordinate);
    };
  }
}

/** A lookup names a field and its arguments, or an entity type and its fields, that exist. */
function checkLookups(schema: GraphQLSchema, lookups: NonNullable<AccessPolicy<string>['lookups']>) {
  for (const [target, identifiers] of Object.entries(lookups)) {
    const [typeName, fieldName] = target.split('.');
    const type = schema.getType(typeName ?? '');
    if (!isObjectType(type)) throw new Error(`access policy: lookup names unknown type in "${target}"`);
    const names = fieldName
      ? type.getFields()[fieldName]?.args.map((argument) => argument.name)
      : Object.keys(type.getFields());
    const unknown = Object.keys(identifiers).filter((name) => !names?.includes(name));
    if (!names || unknown.length > 0) throw new Error(`access policy: lookup "${target}" names unknown ${unknown}`);
  }
}

/**
 * `_entities` looks people up by the key fields of each representation: each one of a type the
 * policy lists is recorded, and under DATA_SUBJECT_REQUEST anyone but the data subject is
 * FORBIDDEN at their index, before any of their fields is read.
 */
function guardEntityLookups(
  entities: GraphQLField<unknown, GuardedContext>,
  lookups: NonNullable<AccessPolicy<string>['lookups']>,
  personalReads: PersonalReads,
) {
  const resolve = entities.resolve!;
  entities.resolve = async (source, args, context, info) => {
    const representations = (args as { representations: Record<string, unknown>[] }).representations;
    const refusals = await Promise.all(
      representations.map(async (representation) => {
        const typeName = String(representation.__typename);
        const lookup = lookups[typeName];
        const subjects = lookup ? subjectsLookedUp(lookup, representation) : [];
        if (subjects.length === 0) return null;
        const field = `${typeName} (lookup)`;
        try {
          await personalReads.read(context, { field, coordinate: typeName }, subjects);
          return null;
        } catch (refusal) {
          return refusal as Error;
        }
      }),
    );
    const found = (await resolve(source, args, context, info)) as unknown[];
    // graphql-js turns an Error in a list into an error at that item's path, the item null.
    return found.map((entity, index) => refusals[index] ?? entity);
  };
}
