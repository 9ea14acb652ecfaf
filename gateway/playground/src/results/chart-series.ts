import type { Cell, ResultTable } from '@jembatan/kit/table';

/** What a bar chart of a table draws: a bar per row, labelled by one column, sized by a measure. */
export interface ChartSeries {
  /** The column naming each bar (`program`, `category`). */
  labelColumn: string;
  labels: string[];
  /** Every column that can size the bars, each with a value per row. */
  measures: { column: string; values: number[] }[];
}

/** A count, or a Rupiah amount (a decimal string, as the schema sends money). */
const numberOf = (cell: Cell): number | null =>
  typeof cell === 'number' ? cell : typeof cell === 'string' && /^-?\d+$/.test(cell) ? Number(cell) : null;

/**
 * The bars a table of statistics makes: labelled by its first column of words (a programme, a
 * category, a unit), one measure per column whose every cell is a number. Null when the table
 * has no such pair (a single row, or no numbers): it is not statistics to chart.
 */
export function chartSeriesOf(table: ResultTable): ChartSeries | null {
  if (table.rows.length < 2) return null;
  const column = (index: number) => table.rows.map((row) => row[index] ?? null);
  const labelIndex = table.columns.findIndex((_, index) =>
    column(index).every((cell) => typeof cell === 'string' && numberOf(cell) === null),
  );
  if (labelIndex === -1) return null;
  const measures = table.columns.flatMap((name, index) => {
    const values = column(index).map(numberOf);
    return index !== labelIndex && values.every((value) => value !== null)
      ? [{ column: name, values: values as number[] }]
      : [];
  });
  if (measures.length === 0) return null;
  return { labelColumn: table.columns[labelIndex]!, labels: column(labelIndex).map(String), measures };
}
