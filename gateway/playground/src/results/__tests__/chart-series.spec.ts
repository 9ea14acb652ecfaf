import { describe, expect, it } from 'vitest';
import { tableOf } from '@jembatan/kit/table';
import { chartSeriesOf } from '../chart-series';

describe('chartSeriesOf', () => {
  it('makes a bar per programme, sized by the count or the Rupiah amount', () => {
    const table = tableOf([
      { program: 'JKK', count: 8, amount: '78079303' },
      { program: 'JHT', count: 210, amount: '3055421083' },
    ]);
    expect(chartSeriesOf(table)).toEqual({
      labelColumn: 'program',
      labels: ['JKK', 'JHT'],
      measures: [
        { column: 'count', values: [8, 210] },
        { column: 'amount', values: [78079303, 3055421083] },
      ],
    });
  });

  it('labels units by their first column of words and leaves codes with dots out of the measures', () => {
    const table = tableOf([
      { code: 'DINKES', regionCode: '31.71', headcount: 40, bpjsCoverage: { enrolled: 38 } },
      { code: 'KEC-317401', regionCode: '31.74', headcount: 23, bpjsCoverage: { enrolled: 23 } },
    ]);
    expect(chartSeriesOf(table)).toMatchObject({
      labelColumn: 'code',
      measures: [{ column: 'headcount' }, { column: 'bpjsCoverage.enrolled' }],
    });
  });

  it('charts nothing from one row, or from rows without numbers', () => {
    expect(chartSeriesOf(tableOf([{ program: 'JKK', count: 8 }]))).toBeNull();
    expect(
      chartSeriesOf(
        tableOf([
          { code: 'A', name: 'x' },
          { code: 'B', name: 'y' },
        ]),
      ),
    ).toBeNull();
  });
});
