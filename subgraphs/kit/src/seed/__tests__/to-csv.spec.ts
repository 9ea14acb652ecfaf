import { describe, expect, it } from 'vitest';
import { toCsv } from '../to-csv';

describe('toCsv', () => {
  it('quotes every value, doubles inner quotes and writes NULL as an unquoted empty field', () => {
    const csv = toCsv({
      table: 'unit',
      columns: ['code', 'name', 'parent_code'],
      rows: [
        ['DINKES', 'Dinas "Kesehatan", DKI', null],
        ['KEL-1', '', 'DINKES'],
      ],
    });
    expect(csv).toBe('"DINKES","Dinas ""Kesehatan"", DKI",\n"KEL-1","","DINKES"');
  });
});
