import type { PageInfo } from './page-info';
import { PagePosition } from './cursor';
import type { PageRequest } from './page-request';

/** Positions are sealed into cursors on their way out, for the caller who asked (see sealConnections). */
export interface Edge<T> {
  cursor: PagePosition;
  node: T;
}

/**
 * The value a resolver returns for a connection field. `totalCount` is a getter so that the
 * COUNT query only runs when a client selects the field: GraphQL reads a property only for
 * selected fields, and awaits the promise the getter returns.
 */
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo<PagePosition>;
  readonly totalCount: Promise<number>;
}

/**
 * Builds a page from rows fetched with `LIMIT limit + 1`: the extra row, if present, only tells
 * that a next page exists and is not returned.
 */
export function toConnection<T>(
  page: PageRequest,
  rows: readonly T[],
  keyOf: (row: T) => string,
  totalCount: () => Promise<number>,
): ConnectionResult<T> {
  const visible = rows.slice(0, page.limit);
  const edges = visible.map((node) => ({ cursor: new PagePosition(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return totalCount();
    },
  };
}
