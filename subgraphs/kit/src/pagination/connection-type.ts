import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info';

/**
 * Declares the GraphQL `<Name>Connection` and `<Name>Edge` types for a node type, so every
 * connection in every subgraph has the same Relay shape.
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with the cursor that points at it.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this item; pass it as `after` to continue after it.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name} itself.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionObject {
    @Field(() => [EdgeType], { description: "The items of this page, in the connection's order." })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to fetch them.' })
    pageInfo: PageInfo;

    @Field(() => Int, {
      description: 'How many items the whole connection holds, across all pages (with the same filters).',
    })
    totalCount: number;
  }

  return ConnectionObject;
}
