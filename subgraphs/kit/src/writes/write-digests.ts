import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Database } from '../db/database';
import { canonicalJson } from './canonical-json';

/**
 * Keyed digests (HMAC-SHA-256 under the agency's write_digest_key, see
 * AddWriteAuditRecords1766000000030): of a changed field's new value, for the audit trail, and of
 * what a write asked, for its idempotency record. Both hold personal data (a NIK, a wage) whose
 * plain hash could be reversed by trying every plausible value; without the key it cannot.
 */
export interface WriteDigests {
  /** `<coordinate>=<hex digest>`: the field is part of the digested text, so equal values in two fields differ. */
  change(coordinate: string, value: unknown): string;
  /** The digest of a request's input and declared purpose, 32 bytes. */
  request(input: unknown, purpose: string | null): Buffer;
}

interface Queries {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

const keys = new WeakMap<DataSource, Promise<Buffer>>();

/** The agency's digest key, read once per open database (through `via`, a transaction in progress, if given). */
function digestKey({ dataSource }: Pick<Database, 'dataSource'>, via: Queries = dataSource): Promise<Buffer> {
  let key = keys.get(dataSource);
  if (!key) {
    key = via.query('SELECT key FROM write_digest_key WHERE id = 1').then((result) => {
      const rows = result as { key: Buffer }[];
      if (rows.length !== 1) throw new Error('write_digest_key is empty: run the migrations');
      return rows[0]!.key;
    });
    // A failed read (database down) is retried by the next write, not remembered.
    key.catch(() => keys.delete(dataSource));
    keys.set(dataSource, key);
  }
  return key;
}

/**
 * The digests of this database's agency. Inside a transaction pass it as `via`: on the embedded
 * engine, with one connection, a query outside the transaction would wait for it to end.
 */
export async function writeDigests(database: Pick<Database, 'dataSource'>, via?: Queries): Promise<WriteDigests> {
  const key = await digestKey(database, via);
  const hmac = (text: string) => createHmac('sha256', key).update(text, 'utf8').digest();
  return {
    change: (coordinate, value) =>
      `${coordinate}=${hmac(`change\0${coordinate}\0${canonicalJson(value)}`).toString('hex')}`,
    request: (input, purpose) => hmac(`request\0${canonicalJson({ input, purpose })}`),
  };
}
