import { createCipheriv, createDecipheriv, randomUUID } from 'node:crypto';
import { badInput, echoed } from '../errors';
import type { CursorKey } from './cursor-keys';
import { randomIvs } from './random-ivs';

const VERSION = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A cursor as clients carry it: base64url, short enough to log and to refuse cheaply when forged. */
const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,512}$/;

/**
 * A row's position in a connection, in the clear: what resolvers hand out and receive. Never a
 * string, so a position that missed sealing fails GraphQL's String serialisation instead of
 * leaking its key (a NIK) to the client.
 */
export class PagePosition {
  constructor(readonly key: string) {}
}

/**
 * How an opened `after` reaches the resolver: GraphQL hands resolvers a String argument as a
 * string, so the position travels as one, behind a mark that is random per process. A client's
 * string never carries it, so an `after` that did not go through sealConnections is refused.
 */
const OPENED_MARK = `opened-${randomUUID()}:`;

export const openedAfter = (position: PagePosition): string => OPENED_MARK + position.key;

/** The position an `after` argument was opened to; null when it was not opened by sealConnections. */
export const positionOfOpenedAfter = (after: string): PagePosition | null =>
  after.startsWith(OPENED_MARK) ? new PagePosition(after.slice(OPENED_MARK.length)) : null;

/** Who a cursor was sealed for: it opens only on the same connection, for the same caller. */
export interface CursorBinding {
  connection: string;
  caller: string;
}

const associatedData = (kid: string, binding: CursorBinding) =>
  Buffer.from(JSON.stringify(['jembatan-cursor', VERSION, kid, binding.connection, binding.caller]), 'utf8');

export function invalidCursor(connection: string, cursor: string) {
  return badInput(
    'INVALID_CURSOR',
    `Cursor "${echoed(cursor)}" is not a cursor of this ${connection} for you`,
    'after',
  );
}

/**
 * Cursors are sealed with AES-256-GCM: clients learn nothing from them (the key is a NIK for a
 * page of workers), and cannot forge, alter or reuse one on another connection or as another
 * caller, since the connection and the caller's subject are authenticated with it. The first key
 * seals; every key opens, so a new key can be put first while cursors sealed under the old one
 * still work until it is removed.
 *
 *   cursor = base64url(version ‖ len(kid) ‖ kid ‖ iv ‖ ciphertext ‖ tag)
 */
export function createCursorSeal(keys: readonly CursorKey[]) {
  const [sealing] = keys;
  if (!sealing) throw new Error('cursor sealing needs at least one key');
  const byKid = new Map(keys.map((key) => [key.kid, key.secret]));
  const nextIv = randomIvs(IV_BYTES);
  const kid = Buffer.from(sealing.kid, 'utf8');
  const header = Buffer.concat([Buffer.from([VERSION, kid.length]), kid]);
  // A page seals all its cursors for one binding: its associated data is built once, not per cursor.
  let lastBinding: CursorBinding | undefined;
  let lastAssociatedData = Buffer.alloc(0);
  const associatedDataOf = (binding: CursorBinding) => {
    if (binding.connection !== lastBinding?.connection || binding.caller !== lastBinding.caller) {
      lastBinding = { ...binding };
      lastAssociatedData = associatedData(sealing.kid, binding);
    }
    return lastAssociatedData;
  };

  return {
    seal(binding: CursorBinding, position: PagePosition): string {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', sealing.secret, iv);
      cipher.setAAD(associatedDataOf(binding));
      const ciphertext = Buffer.concat([cipher.update(position.key, 'utf8'), cipher.final()]);
      return Buffer.concat([header, iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
    },

    /** The position a cursor stands for; INVALID_CURSOR when it was not sealed by us for this binding. */
    open(binding: CursorBinding, cursor: string): PagePosition {
      if (!CURSOR_PATTERN.test(cursor)) throw invalidCursor(binding.connection, cursor);
      const bytes = Buffer.from(cursor, 'base64url');
      const kidLength = bytes[1] ?? 0;
      const ivStart = 2 + kidLength;
      const ciphertextStart = ivStart + IV_BYTES;
      if (bytes[0] !== VERSION || bytes.length < ciphertextStart + 1 + TAG_BYTES) {
        throw invalidCursor(binding.connection, cursor);
      }
      const kid = bytes.subarray(2, ivStart).toString('utf8');
      const secret = byKid.get(kid);
      if (!secret) throw invalidCursor(binding.connection, cursor);
      try {
        const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(ivStart, ciphertextStart));
        decipher.setAAD(associatedData(kid, binding));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        const key = Buffer.concat([
          decipher.update(bytes.subarray(ciphertextStart, bytes.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return new PagePosition(key.toString('utf8'));
      } catch {
        // The tag did not verify: altered, or sealed for another connection, caller or key.
        throw invalidCursor(binding.connection, cursor);
      }
    },
  };
}

export type CursorSeal = ReturnType<typeof createCursorSeal>;

/**
 * Cursors as they were before sealing (the key in base64url, unauthenticated), only for the
 * benchmark that measures what sealing costs: no configuration variable reaches it.
 */
export const UNSEALED_CURSORS_FOR_BENCHMARKS: CursorSeal = {
  seal: (_, position) => Buffer.from(position.key, 'utf8').toString('base64url'),
  open: (_, cursor) => new PagePosition(Buffer.from(cursor, 'base64url').toString('utf8')),
};
