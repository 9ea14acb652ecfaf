import type { ResultTable } from '@jembatan/kit/table';

interface ResultTableViewProps {
  table: ResultTable;
  /** The list's path in the answer (`units`, `claimStatistics.byProgram`). */
  path: string;
  totalCount: number | null;
  paging: { onFirst: (() => void) | null; onNext: (() => void) | null };
}

type Cell = ResultTable['rows'][number][number];

const display = (cell: Cell) => (cell === null ? '' : String(cell));
/** Counts and Rupiah amounts (decimal strings) line up on the right, like a spreadsheet's numbers. */
const isNumeric = (cell: Cell) => typeof cell === 'number' || (typeof cell === 'string' && /^-?\d+$/.test(cell));

/** The answer's list as the CSV export cuts it: a row per item, a column per leaf field. */
export function ResultTableView({ table, path, totalCount, paging }: ResultTableViewProps) {
  return (
    <div className="jembatan-result-table-view">
      <div className="jembatan-result-table-caption">
        <span>
          {table.rows.length} {table.rows.length === 1 ? 'row' : 'rows'}
          {totalCount !== null && ` of ${totalCount}`}
          {path && (
            <>
              {' '}
              from <code>{path}</code>
            </>
          )}
        </span>
        {paging.onFirst && (
          <button type="button" className="jembatan-first-page" onClick={paging.onFirst}>
            First page
          </button>
        )}
        {paging.onNext && (
          <button type="button" className="jembatan-next-page" onClick={paging.onNext}>
            Next page
          </button>
        )}
      </div>
      <div className="jembatan-result-table-scroll">
        <table className="jembatan-result-table">
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) => (
                  <td key={cellIndex} className={isNumeric(cell) ? 'jembatan-number' : undefined}>
                    {display(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
