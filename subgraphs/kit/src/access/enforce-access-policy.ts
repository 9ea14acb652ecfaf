import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { JembatanError } from '../errors/jembatan-error';
import type { AccessPolicy } from './access-policy';
import type { AccessRecorder } from './access-recorder';
import type { FieldAccess, CompiledAccessPolicy } from './field-access';

/** What the guard needs from a request's context. */
export interface GuardedContext {
  access: FieldAccess;
  accessRecorder: AccessRecorder;
}

/** Federation's own entry points: `_entities` hands out objects whose fields are then guarded one by one. */
const FEDERATION_ROOT_FIELDS = new Set(['Query._entities', 'Query._service']);
const isMachinery = (typeName: string) => typeName.startsWith('_');

export function forbidden(coordinate: string): JembatanError {
  return new JembatanError('FORBIDDEN', `Your roles and declared purpose do not grant ${coordinate}`, {
    field: coordinate,
  });
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * Puts the agency's policy in front of every field resolver of its schema, on every path
 * (root queries, nested fields and `_entities` alike): an ungranted field resolves to a
 * FORBIDDEN error at its path, a masked one to its mask, and each personal read is recorded.
 */
export function enforceAccessPolicy<TGroup extends string>(
  schema: GraphQLSchema,
  policy: AccessPolicy<TGroup>,
  compiled: CompiledAccessPolicy,
): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || isMachinery(type.name)) continue;
    const subjectsOf = policy.subjectsOf[type.name] as ((source: unknown) => readonly string[]) | undefined;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (FEDERATION_ROOT_FIELDS.has(coordinate)) continue;
      const personal = compiled.personalFields.has(coordinate);
      if (personal && !subjectsOf)
        throw new Error(`access policy: no subjectsOf for ${type.name}, which has ${coordinate}`);
      const maskString = policy.masks[coordinate];
      const mask = maskString && ((value: unknown) => (typeof value === 'string' ? maskString(value) : value));
      const resolve: GraphQLFieldResolver<unknown, GuardedContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const access = context.access.get(coordinate);
        if (!access) throw forbidden(coordinate);
        if (personal) {
          context.accessRecorder.record(
            access === 'masked' ? `${coordinate} (masked)` : coordinate,
            subjectsOf!(source),
          );
        }
        const value = resolve(source, args, context, info);
        if (access === 'read' || !mask) return value;
        return isPromiseLike(value) ? Promise.resolve(value).then(mask) : mask(value);
      };
    }
  }
  return schema;
}
