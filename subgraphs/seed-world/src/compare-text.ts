/**
 * Code-unit order, as PostgreSQL's C collation sorts. localeCompare would depend on the machine's
 * ICU data and could reorder rows between two runs of the same preset.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
