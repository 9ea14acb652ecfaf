/**
 * Splits what a PostgreSQL client sends into whole protocol messages. Before startup a message
 * has no type byte (length, then a request code); after it, every message is a type byte and a
 * length that counts itself but not the type byte.
 */

export const SSL_REQUEST_CODE = 80877103;
export const GSS_ENCRYPTION_REQUEST_CODE = 80877104;
export const CANCEL_REQUEST_CODE = 80877102;

export type FrontendMessage =
  | { kind: 'startup'; bytes: Buffer }
  | { kind: 'encryption-request' }
  | { kind: 'cancel-request' }
  | { kind: 'terminate' }
  | { kind: 'typed'; type: number; bytes: Buffer };

const TERMINATE = 0x58; // 'X'
/** PostgreSQL's own ceiling for one message (PQ_LARGE_MESSAGE_LIMIT is 1 GB). */
const LARGEST_MESSAGE = 0x3fffffff;

export class FrontendMessageReader {
  private buffered: Buffer = Buffer.alloc(0);
  private started = false;

  /** The whole messages that `chunk` completes; a partial one waits for the next chunk. */
  push(chunk: Buffer): FrontendMessage[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const messages: FrontendMessage[] = [];
    for (;;) {
      const message = this.started ? this.nextTyped() : this.nextUntyped();
      if (!message) return messages;
      messages.push(message);
    }
  }

  private nextUntyped(): FrontendMessage | undefined {
    if (this.buffered.length < 8) return undefined;
    const length = this.buffered.readInt32BE(0);
    if (length < 8 || length > LARGEST_MESSAGE) throw new Error(`malformed startup packet (length ${length})`);
    if (this.buffered.length < length) return undefined;
    const code = this.buffered.readInt32BE(4);
    const bytes = this.take(length);
    if (code === SSL_REQUEST_CODE || code === GSS_ENCRYPTION_REQUEST_CODE) return { kind: 'encryption-request' };
    if (code === CANCEL_REQUEST_CODE) return { kind: 'cancel-request' };
    this.started = true;
    return { kind: 'startup', bytes };
  }

  private nextTyped(): FrontendMessage | undefined {
    if (this.buffered.length < 5) return undefined;
    const length = this.buffered.readInt32BE(1);
    if (length < 4 || length > LARGEST_MESSAGE) throw new Error(`malformed message (length ${length})`);
    if (this.buffered.length < length + 1) return undefined;
    const bytes = this.take(length + 1);
    const type = bytes[0] as number;
    return type === TERMINATE ? { kind: 'terminate' } : { kind: 'typed', type, bytes };
  }

  private take(length: number): Buffer {
    const bytes = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return bytes;
  }
}
