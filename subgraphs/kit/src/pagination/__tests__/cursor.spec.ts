import { describe, expect, it } from 'vitest';
import { createCursorSeal, openedAfter, PagePosition } from '../cursor';
import { generateCursorJwk, loadCursorKeys } from '../cursor-keys';
import { readPageArgs } from '../page-request';
import { toConnection } from '../connection';

const codeOf = (error: unknown) => (error as { extensions: { code: string } }).extensions.code;
const thrownBy = (work: () => unknown): unknown => {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
};

const NIK = '3174014107900001';
const oldKey = generateCursorJwk();
const newKey = generateCursorJwk();
const seal = createCursorSeal(loadCursorKeys({ jwks: { keys: [oldKey] } }));
const hr = { connection: 'WorkerConnection', caller: 'hr-officer-1' };

describe('sealed cursors', () => {
  it('carry the key sealed: neither the cursor nor its base64 decoding shows it', () => {
    const cursor = seal.seal(hr, new PagePosition(NIK));
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(NIK);
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain(NIK);
    expect(seal.open(hr, cursor)).toEqual(new PagePosition(NIK));
  });

  it('differ each time the same position is sealed', () => {
    expect(seal.seal(hr, new PagePosition(NIK))).not.toBe(seal.seal(hr, new PagePosition(NIK)));
  });

  it.each([
    ['another connection', { ...hr, connection: 'UnitConnection' }],
    ['another caller', { ...hr, caller: 'hr-officer-2' }],
  ])('refuse a cursor sealed for %s with INVALID_CURSOR', (_, binding) => {
    const cursor = seal.seal(hr, new PagePosition(NIK));
    expect(codeOf(thrownBy(() => seal.open(binding, cursor)))).toBe('INVALID_CURSOR');
  });

  it('refuse a cursor altered in any byte', () => {
    const bytes = Buffer.from(seal.seal(hr, new PagePosition(NIK)), 'base64url');
    for (let index = 0; index < bytes.length; index += 1) {
      const altered = Buffer.from(bytes);
      altered[index]! ^= 0x01;
      expect(codeOf(thrownBy(() => seal.open(hr, altered.toString('base64url'))))).toBe('INVALID_CURSOR');
    }
  });

  it('seal with the first key and open with every key, so keys can be rotated', () => {
    const rotated = createCursorSeal(loadCursorKeys({ jwks: { keys: [newKey, oldKey] } }));
    const sealedBefore = seal.seal(hr, new PagePosition(NIK));
    expect(rotated.open(hr, sealedBefore).key).toBe(NIK);
    const sealedAfter = rotated.seal(hr, new PagePosition(NIK));
    expect(codeOf(thrownBy(() => seal.open(hr, sealedAfter)))).toBe('INVALID_CURSOR');
    const retired = createCursorSeal(loadCursorKeys({ jwks: { keys: [newKey] } }));
    expect(codeOf(thrownBy(() => retired.open(hr, sealedBefore)))).toBe('INVALID_CURSOR');
  });

  it.each([
    '',
    'not base64!',
    Buffer.from(`["v1","workers","${NIK}"]`).toString('base64url'),
    'e30',
    'x'.repeat(600),
    `abc\u0000def`,
  ])('refuse the malformed or hand-made cursor %j with INVALID_CURSOR', (cursor) => {
    expect(codeOf(thrownBy(() => seal.open(hr, cursor)))).toBe('INVALID_CURSOR');
  });

  it('echo at most 32 characters of a refused cursor', () => {
    const message = (thrownBy(() => seal.open(hr, 'A'.repeat(500))) as Error).message;
    expect(message).toContain(`"${'A'.repeat(32)}…"`);
    expect(message).not.toContain('A'.repeat(33));
  });

  it('refuse a key file holding no usable AES-256 key', () => {
    expect(() => loadCursorKeys({ jwks: { keys: [] } })).toThrow(/holds no cursor key/);
    expect(() => loadCursorKeys({ jwks: { keys: [{ ...oldKey, k: 'c2hvcnQ' }] } })).toThrow(/32 bytes/);
    expect(() => loadCursorKeys({ jwks: { keys: [oldKey, oldKey] } })).toThrow(/share a kid/);
  });
});

describe('page arguments', () => {
  it('default to 20 and allow 0 to 100', () => {
    expect(readPageArgs('workers', {})).toEqual({ connection: 'workers', limit: 20, afterKey: null });
    expect(readPageArgs('workers', { first: 0 }).limit).toBe(0);
    expect(readPageArgs('workers', { first: 100 }).limit).toBe(100);
  });

  it('take the position a sealed cursor was opened to', () => {
    expect(readPageArgs('workers', { after: openedAfter(new PagePosition(NIK)) }).afterKey).toBe(NIK);
  });

  it.each([NIK, 'anything'])('refuse an after string %j that was never opened from a sealed cursor', (after) => {
    expect(codeOf(thrownBy(() => readPageArgs('workers', { after })))).toBe('INVALID_CURSOR');
  });

  it.each(['3174\u00000104930168', 'x'.repeat(129), ''])('refuse the sort key %j', (key) => {
    expect(codeOf(thrownBy(() => readPageArgs('workers', { after: openedAfter(new PagePosition(key)) })))).toBe(
      'INVALID_CURSOR',
    );
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
      startCursor: new PagePosition('A'),
      endCursor: new PagePosition('B'),
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
