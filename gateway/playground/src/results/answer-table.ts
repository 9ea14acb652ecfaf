import { listsOf, locateList, tableOf, type LocatedList, type ResultTable } from '@jembatan/kit/table';

/** The table the result pane shows for an answer, cut exactly as `GET /csv` cuts it. */
export interface AnswerTable {
  table: ResultTable;
  list: LocatedList;
  /** Every list in the answer, for picking another one (the CSV's `table` parameter). */
  paths: string[];
  /** The connection's `totalCount`, when it has one. */
  totalCount: number | null;
}

function valueAt(data: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      data,
    );
}

/** The table of the list at `path`, or of the answer's first list (the CSV's default). */
export function answerTableOf(data: Record<string, unknown>, path: string | null): AnswerTable {
  const lists = listsOf(data);
  const list = lists.find((candidate) => candidate.path === path) ?? locateList(data);
  const totalCount = list.path
    ? (valueAt(data, list.path) as { totalCount?: unknown } | undefined)?.totalCount
    : undefined;
  return {
    table: tableOf(list.items),
    list,
    paths: lists.map((candidate) => candidate.path),
    totalCount: typeof totalCount === 'number' ? totalCount : null,
  };
}
