import type { Cell } from '../seed/table-rows';

/** One cell of a table cut from a GraphQL answer: a leaf value as the answer carried it. */
export type { Cell };

/** A row per item of one list of the answer, a column per leaf field under the item. */
export interface ResultTable {
  columns: string[];
  rows: Cell[][];
}

/** Where one list sits in an answer, and, for a connection, how to ask for its next page. */
export interface LocatedList {
  /** Dotted path of the list (for a connection, of the connection field). */
  path: string;
  items: Record<string, unknown>[];
  /** Present when the list is a Relay connection that says whether more pages follow. */
  nextPage?: { hasNextPage: boolean; endCursor: string | null };
}

/** The answer has no list at the path asked for; `available` names the paths it does have. */
export class TableNotFoundError extends Error {
  constructor(
    readonly requested: string,
    readonly available: string[],
  ) {
    super(
      available.length > 0
        ? `The answer has no list at "${requested}"; it has: ${available.join(', ')}`
        : `The answer has no list at "${requested}"; it holds a single row`,
    );
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A Relay connection (`edges { node }`) stands for the list of its nodes. */
function itemsOfConnection(value: Record<string, unknown>): Record<string, unknown>[] | null {
  if (!Array.isArray(value.edges)) return null;
  return value.edges.map((edge) => (isRecord(edge) && isRecord(edge.node) ? edge.node : {}));
}

function nextPageOf(connection: Record<string, unknown>): LocatedList['nextPage'] {
  const pageInfo = connection.pageInfo;
  if (!isRecord(pageInfo) || typeof pageInfo.hasNextPage !== 'boolean') return undefined;
  return {
    hasNextPage: pageInfo.hasNextPage,
    endCursor: typeof pageInfo.endCursor === 'string' ? pageInfo.endCursor : null,
  };
}

/** Every list of objects in the answer, in the order the operation selected them, outermost first. */
export function listsOf(data: Record<string, unknown>): LocatedList[] {
  const found: LocatedList[] = [];
  const walk = (value: Record<string, unknown>, prefix: string) => {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix + key;
      if (Array.isArray(child)) {
        if (child.every(isRecord)) found.push({ path, items: child });
      } else if (isRecord(child)) {
        const connectionItems = itemsOfConnection(child);
        if (connectionItems) found.push({ path, items: connectionItems, nextPage: nextPageOf(child) });
        else walk(child, `${path}.`);
      }
    }
  };
  walk(data, '');
  return found;
}

/**
 * The list the table is made of: the one at `path`, or by default the first list the operation
 * selects (`claimStatistics.byProgram`, the nodes of `units`). An answer without lists is one row.
 */
export function locateList(data: Record<string, unknown>, path?: string): LocatedList {
  const lists = listsOf(data);
  if (path === undefined) return lists[0] ?? { path: '', items: [data] };
  const list = lists.find((candidate) => candidate.path === path);
  if (!list)
    throw new TableNotFoundError(
      path,
      lists.map((candidate) => candidate.path),
    );
  return list;
}

/**
 * Flattens one item into `column → cell`. Nested objects become dotted columns
 * (`bpjsCoverage.enrolled`); a nested list of objects keyed by their first field is spread out
 * by that key (`bpjsCoverage.byProgram.JKK.enrolled`), so a row stays one row; a list of plain
 * values becomes one cell, its values joined by "; ".
 */
function flatten(value: Record<string, unknown>, prefix: string, into: Map<string, Cell>): void {
  for (const [key, child] of Object.entries(value)) {
    const column = prefix + key;
    if (child === null || child === undefined) {
      into.set(column, null);
    } else if (Array.isArray(child)) {
      if (child.every(isRecord)) spreadByKey(child, `${column}.`, into);
      else into.set(column, child.map((element) => String(element)).join('; '));
    } else if (isRecord(child)) {
      const connectionItems = itemsOfConnection(child);
      if (connectionItems) spreadByKey(connectionItems, `${column}.`, into);
      else flatten(child, `${column}.`, into);
    } else {
      into.set(column, child as Cell);
    }
  }
}

function spreadByKey(items: Record<string, unknown>[], prefix: string, into: Map<string, Cell>): void {
  items.forEach((item, index) => {
    const [keyField, ...rest] = Object.entries(item);
    const keyValue = keyField?.[1];
    const key = typeof keyValue === 'string' || typeof keyValue === 'number' ? String(keyValue) : String(index + 1);
    flatten(Object.fromEntries(rest), `${prefix}${key}.`, into);
  });
}

/** The table of the items: columns in the order they first appear, an empty cell where a row has none. */
export function tableOf(items: readonly Record<string, unknown>[]): ResultTable {
  const flattened = items.map((item) => {
    const cells = new Map<string, Cell>();
    flatten(item, '', cells);
    return cells;
  });
  const columns = [...new Set(flattened.flatMap((cells) => [...cells.keys()]))];
  return { columns, rows: flattened.map((cells) => columns.map((column) => cells.get(column) ?? null)) };
}
