import { describe, expect, it } from 'vitest';
import { listsOf, locateList, tableOf, TableNotFoundError } from '../result-table';

const coverageAnswer = {
  units: {
    totalCount: 2,
    pageInfo: { hasNextPage: true, endCursor: 'c2' },
    edges: [
      {
        node: {
          code: 'DINKES',
          headcount: 120,
          bpjsCoverage: {
            enrolled: 118,
            byProgram: [
              { program: 'JKK', enrolled: 118 },
              { program: 'JKM', enrolled: 117 },
            ],
            claims: { count: 3, amount: '72000000' },
          },
        },
      },
      { node: { code: 'DISDIK', headcount: 0, bpjsCoverage: null } },
    ],
  },
};

describe('cutting a GraphQL answer into a table', () => {
  it('finds every list in selection order, a connection by the path of its field, with its next page', () => {
    const lists = listsOf(coverageAnswer);
    expect(lists.map((list) => list.path)).toEqual(['units']);
    expect(lists[0]!.nextPage).toEqual({ hasNextPage: true, endCursor: 'c2' });
    expect(lists[0]!.items.map((item) => item.code)).toEqual(['DINKES', 'DISDIK']);
    expect(listsOf({ stats: { byCategory: [{ category: 'PKP' }], byUnitKind: [{ kind: 'SKPD' }] } })).toMatchObject([
      { path: 'stats.byCategory' },
      { path: 'stats.byUnitKind' },
    ]);
  });

  it('takes the first list by default, another by its path, and a single row when there is none', () => {
    const answer = { stats: { total: 5, byCategory: [{ category: 'PKP', count: 5 }], byUnitKind: [{ kind: 'SKPD' }] } };
    expect(locateList(answer).path).toBe('stats.byCategory');
    expect(locateList(answer, 'stats.byUnitKind').items).toEqual([{ kind: 'SKPD' }]);
    expect(locateList({ stats: { total: 5 } })).toEqual({ path: '', items: [{ stats: { total: 5 } }] });
    expect(() => locateList(answer, 'stats.nothing')).toThrow(TableNotFoundError);
    expect(() => locateList(answer, 'stats.nothing')).toThrow('it has: stats.byCategory, stats.byUnitKind');
  });

  it('makes dotted columns of nested objects and spreads keyed lists into a column per key', () => {
    const table = tableOf(locateList(coverageAnswer).items);
    expect(table.columns).toEqual([
      'code',
      'headcount',
      'bpjsCoverage.enrolled',
      'bpjsCoverage.byProgram.JKK.enrolled',
      'bpjsCoverage.byProgram.JKM.enrolled',
      'bpjsCoverage.claims.count',
      'bpjsCoverage.claims.amount',
      'bpjsCoverage',
    ]);
    expect(table.rows).toEqual([
      ['DINKES', 120, 118, 118, 117, 3, '72000000', null],
      ['DISDIK', 0, null, null, null, null, null, null],
    ]);
  });

  it('joins lists of plain values into one cell, and gives the rows of a ragged list empty cells', () => {
    const table = tableOf([
      { subject: 'a', fields: ['Worker.nik', 'Worker.name'] },
      { subject: 'b', fields: [], extra: true },
    ]);
    expect(table).toEqual({
      columns: ['subject', 'fields', 'extra'],
      rows: [
        ['a', 'Worker.nik; Worker.name', null],
        // An empty list cannot say whether it would have held values or objects: an empty cell.
        ['b', null, true],
      ],
    });
  });
});
