import { badInput } from '../errors';

const VERSION = 'v1';

/**
 * Cursors are opaque to clients (base64url) but carry the connection's name and a format
 * version, so a cursor from one connection or an old format is refused instead of silently
 * paging the wrong list. The key is the row's sort key: pagination is keyset, never OFFSET.
 */
export function encodeCursor(connection: string, key: string): string {
  return Buffer.from(JSON.stringify([VERSION, connection, key]), 'utf8').toString('base64url');
}

export function decodeCursor(connection: string, cursor: string): string {
  const invalid = () =>
    badInput(
      'INVALID_CURSOR',
      `Cursor "${cursor.slice(0, 64)}" is not a cursor of this ${connection} connection`,
      'after',
    );
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined; // not JSON: refused below like any other foreign cursor
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw invalid();
  const [version, name, key] = decoded as unknown[];
  if (version !== VERSION || name !== connection || typeof key !== 'string' || key.length === 0) throw invalid();
  return key;
}
