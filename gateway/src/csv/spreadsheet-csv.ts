import type { ResultTable, Cell } from '@jembatan/kit/table';

export type CsvSeparator = ',' | ';';

/**
 * A cell a spreadsheet would run as a formula (CSV injection): text starting with = + - @ or a
 * tab or carriage return. Only text is guarded; numbers are numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function encodeCell(cell: Cell, separator: CsvSeparator): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV with a header row and CRLF line ends. `;` is for spreadsheets set to Indonesian
 * (or any locale whose decimal mark is a comma), which split CSV on semicolons.
 */
export function encodeCsv(table: ResultTable, separator: CsvSeparator = ','): string {
  const lines = [table.columns, ...table.rows].map((row) =>
    row.map((cell) => encodeCell(cell, separator)).join(separator),
  );
  return `${lines.join('\r\n')}\r\n`;
}
