import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { AccessPolicy } from '../access/access-policy';
import type { Caller } from '../access/caller';
import { personalReadsFor, type PersonalReadContext } from '../access/personal-read';
import type { ConnectionResult, Edge } from './connection';
import { openedAfter, PagePosition, type CursorBinding, type CursorSeal } from './cursor';

interface ConnectionContext extends PersonalReadContext {
  caller: Caller;
}

interface ConnectionShape {
  connection: GraphQLObjectType;
  edge: GraphQLObjectType;
  node: string;
}

/** A Relay connection type: `edges { cursor node }` and `pageInfo`. */
function connectionShapeOf(type: GraphQLOutputType): ConnectionShape | null {
  const connection = getNamedType(type);
  if (!isObjectType(connection)) return null;
  const { edges, pageInfo } = connection.getFields();
  const edge = edges && getNamedType(edges.type);
  if (!pageInfo || !isObjectType(edge)) return null;
  const { cursor, node } = edge.getFields();
  if (!cursor || !node) return null;
  return { connection, edge, node: getNamedType(node.type).name };
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * Puts sealed cursors in front of every connection of a schema, so resolvers deal in plain
 * positions and no agency can forget to seal: `after` is opened before the resolver runs (for
 * this connection and caller only), and each cursor is sealed when, and only if, it is selected.
 *
 * A cursor of a connection of people stands for a person as much as their NIK does, so reading
 * one is a personal read: recorded naming the person, and under DATA_SUBJECT_REQUEST such a
 * connection holds only the data subject's rows. A page's start and end cursors are its first
 * and last edges' cursors.
 */
export function sealConnections(
  schema: GraphQLSchema,
  { seal, policy }: { seal: CursorSeal; policy: Pick<AccessPolicy<string>, 'subjectsOf' | 'identifiersOfNik'> },
): GraphQLSchema {
  const personalReads = personalReadsFor(policy);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    for (const field of Object.values(type.getFields())) {
      const shape = connectionShapeOf(field.type);
      if (!shape) continue;
      const subjectsOf = policy.subjectsOf[shape.node] as ((node: unknown) => readonly string[]) | undefined;
      const resolve: GraphQLFieldResolver<unknown, ConnectionContext> = field.resolve ?? defaultFieldResolver;

      const sealedPage = async (
        page: ConnectionResult<unknown>,
        context: ConnectionContext,
        binding: CursorBinding,
      ) => {
        let edges = page.edges;
        const { dataSubject } = context;
        if (subjectsOf && dataSubject) {
          const about = await Promise.all(
            edges.map((edge) => personalReads.isAboutDataSubject(context, dataSubject, subjectsOf(edge.node))),
          );
          edges = edges.filter((_, index) => about[index]);
        }
        const cursorOf = (edge: Edge<unknown> | undefined, field: string) => {
          if (!edge) return null;
          if (!(edge.cursor instanceof PagePosition)) throw new Error(`${field} is not a PagePosition`);
          const sealed = () => seal.seal(binding, edge.cursor);
          if (!subjectsOf) return sealed();
          const read = personalReads.read(context, { field, coordinate: field }, subjectsOf(edge.node));
          return isPromiseLike(read) ? Promise.resolve(read).then(sealed) : sealed();
        };
        // Built on the resolver's result rather than copied: a copy would read `totalCount`, running its COUNT.
        const view: ConnectionResult<unknown> = Object.create(page);
        Object.defineProperty(view, 'edges', {
          value: edges.map((edge) =>
            Object.create(edge, { cursor: { get: () => cursorOf(edge, `${shape.edge.name}.cursor`) } }),
          ),
        });
        Object.defineProperty(view, 'pageInfo', {
          value: {
            ...page.pageInfo,
            get startCursor() {
              return cursorOf(edges[0], `${shape.connection.name}.pageInfo.startCursor`);
            },
            get endCursor() {
              return cursorOf(edges.at(-1), `${shape.connection.name}.pageInfo.endCursor`);
            },
          },
        });
        return view;
      };

      field.resolve = async (source, args: { after?: unknown }, context, info) => {
        const binding = { connection: shape.connection.name, caller: context.caller.subject };
        const opened =
          typeof args.after === 'string' ? { ...args, after: openedAfter(seal.open(binding, args.after)) } : args;
        const page = (await resolve(source, opened, context, info)) as ConnectionResult<unknown> | null | undefined;
        return page == null ? page : sealedPage(page, context, binding);
      };
    }
  }
  return schema;
}
