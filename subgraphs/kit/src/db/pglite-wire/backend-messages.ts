/**
 * Follows what the embedded backend answers, message by message across however many chunks it
 * arrives in, to tell when it is ready for any client again: its last message is ReadyForQuery
 * with the status "idle" (not in a transaction block, not in COPY, no statement half-sent).
 */

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'
const HEADER_LENGTH = 5;

export class BackendMessageTracker {
  private header = Buffer.alloc(HEADER_LENGTH);
  private headerFilled = 0;
  private bodyLeft = 0;
  private currentType = 0;
  private lastType = 0;
  private lastStatus = 0;
  private statusPending = false;

  /** Starts a new answer: whether it ends idle depends only on what it says. */
  reset(): void {
    this.headerFilled = 0;
    this.bodyLeft = 0;
    this.lastType = 0;
    this.lastStatus = 0;
    this.statusPending = false;
  }

  observe(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.bodyLeft > 0) {
        const taken = Math.min(this.bodyLeft, chunk.length - offset);
        if (this.statusPending) {
          this.lastStatus = chunk[offset] as number;
          this.statusPending = false;
        }
        this.bodyLeft -= taken;
        offset += taken;
        continue;
      }
      this.header[this.headerFilled++] = chunk[offset++] as number;
      if (this.headerFilled < HEADER_LENGTH) continue;
      this.headerFilled = 0;
      this.currentType = this.header[0] as number;
      this.bodyLeft = this.header.readInt32BE(1) - 4;
      this.lastType = this.currentType;
      this.statusPending = this.currentType === READY_FOR_QUERY && this.bodyLeft > 0;
    }
  }

  /** True when the answer so far ends on ReadyForQuery, idle. */
  get endsIdle(): boolean {
    return (
      this.headerFilled === 0 && this.bodyLeft === 0 && this.lastType === READY_FOR_QUERY && this.lastStatus === IDLE
    );
  }
}
