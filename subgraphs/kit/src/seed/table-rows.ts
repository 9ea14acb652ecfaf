export type Cell = string | number | boolean | null;

/** Rows for one table, in column order: the unit of a bulk load. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}
