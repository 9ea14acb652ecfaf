import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../cursor';
import { readPageArgs } from '../page-request';
import { toConnection } from '../connection';

const codeOf = (error: unknown) => (error as { extensions: { code: string } }).extensions.code;

describe('cursors', () => {
  it('round-trip a key through an opaque string', () => {
    const cursor = encodeCursor('workers', '3174014107900001');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('3174014107900001');
    expect(decodeCursor('workers', cursor)).toBe('3174014107900001');
  });

  it('refuse a cursor of another connection', () => {
    const cursor = encodeCursor('units', 'DINKES');
    expect(() => decodeCursor('workers', cursor)).toThrow(/not a cursor of this workers connection/);
  });

  it.each(['', 'not base64!', Buffer.from('["v0","workers","x"]').toString('base64url'), 'e30', 'x'.repeat(600)])(
    'refuse the malformed cursor %j with INVALID_CURSOR',
    (cursor) => {
      let thrown: unknown;
      try {
        decodeCursor('workers', cursor);
      } catch (error) {
        thrown = error;
      }
      expect(codeOf(thrown)).toBe('INVALID_CURSOR');
    },
  );
});

describe('page arguments', () => {
  it('default to 20 and allow 0 to 100', () => {
    expect(readPageArgs('workers', {})).toEqual({ connection: 'workers', limit: 20, afterKey: null });
    expect(readPageArgs('workers', { first: 0 }).limit).toBe(0);
    expect(readPageArgs('workers', { first: 100 }).limit).toBe(100);
  });

  it.each([-1, 101, 10_000])('refuse first = %d with PAGE_SIZE_OUT_OF_RANGE', (first) => {
    expect(() => readPageArgs('workers', { first })).toThrow(/first must be between 0 and 100/);
  });
});

describe('toConnection', () => {
  it('drops the look-ahead row and reports a next page', async () => {
    const page = { connection: 'units', limit: 2, afterKey: null };
    const connection = toConnection(
      page,
      ['A', 'B', 'C'],
      (key) => key,
      async () => 3,
    );
    expect(connection.edges.map((edge) => edge.node)).toEqual(['A', 'B']);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor('units', 'A'),
      endCursor: encodeCursor('units', 'B'),
    });
    expect(await connection.totalCount).toBe(3);
  });

  it('counts only when totalCount is read', async () => {
    let counted = 0;
    const connection = toConnection(
      { connection: 'units', limit: 2, afterKey: null },
      [],
      String,
      async () => ++counted,
    );
    expect(counted).toBe(0);
    expect(await connection.totalCount).toBe(1);
  });

  it('gives an empty last page null cursors', () => {
    const connection = toConnection({ connection: 'units', limit: 2, afterKey: 'C' }, [], String, async () => 3);
    expect(connection.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
