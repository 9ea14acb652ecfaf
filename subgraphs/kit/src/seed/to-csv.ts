import type { Cell, TableRows } from './table-rows';

function csvCell(cell: Cell): string {
  // An unquoted empty field is NULL in PostgreSQL's CSV format; a quoted one is an empty string.
  if (cell === null) return '';
  return `"${String(cell).replaceAll('"', '""')}"`;
}

export function toCsv(table: TableRows): string {
  return table.rows.map((row) => row.map(csvCell).join(',')).join('\n');
}
