import { describe, expect, it } from 'vitest';
import { encodeCsv } from '../spreadsheet-csv';

describe('spreadsheet CSV', () => {
  it('writes a header row and CRLF line ends, empty cells for null, numbers as numbers', () => {
    expect(
      encodeCsv({
        columns: ['program', 'count', 'amount', 'note'],
        rows: [['JHT', 210, '490200000000', null]],
      }),
    ).toBe('program,count,amount,note\r\nJHT,210,490200000000,\r\n');
  });

  it('quotes cells holding the separator, quotes or line breaks, and doubles their quotes', () => {
    const table = {
      columns: ['name'],
      rows: [['Suku Dinas Kesehatan, Jakarta Pusat'], ['Kelurahan "Gambir"'], ['a\nb']],
    };
    expect(encodeCsv(table)).toBe(
      'name\r\n"Suku Dinas Kesehatan, Jakarta Pusat"\r\n"Kelurahan ""Gambir"""\r\n"a\nb"\r\n',
    );
    expect(encodeCsv(table, ';')).toBe(
      'name\r\nSuku Dinas Kesehatan, Jakarta Pusat\r\n"Kelurahan ""Gambir"""\r\n"a\nb"\r\n',
    );
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    const table = { columns: ['name'], rows: [['=HYPERLINK("http://x")'], ['+62'], ['-1'], ['@SUM(A1)'], [-5]] };
    expect(encodeCsv(table).split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      "'+62",
      "'-1",
      "'@SUM(A1)",
      '-5',
    ]);
  });
});
