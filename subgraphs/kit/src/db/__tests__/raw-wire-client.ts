import { connect, type Socket } from 'node:net';
import { cstring, protocolMessage } from '../pglite-wire/protocol-message';

/**
 * A PostgreSQL client at the level of protocol messages, for tests that need to stop between
 * the messages of one statement, which no driver lets a caller do.
 */

const int16 = (value: number) => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};

export const wire = {
  startup(): Buffer {
    const body = Buffer.concat([
      int32(196608),
      cstring('user'),
      cstring('postgres'),
      cstring('database'),
      cstring('postgres'),
      Buffer.from([0]),
    ]);
    return Buffer.concat([int32(body.length + 4), body]);
  },
  parse: (sql: string) => protocolMessage('P', cstring(''), cstring(sql), int16(0)),
  bind: (...values: string[]) =>
    protocolMessage(
      'B',
      cstring(''),
      cstring(''),
      int16(0),
      int16(values.length),
      ...values.flatMap((value) => [int32(Buffer.byteLength(value)), Buffer.from(value)]),
      int16(0),
    ),
  describePortal: () => protocolMessage('D', Buffer.from('P'), cstring('')),
  execute: () => protocolMessage('E', cstring(''), int32(0)),
  sync: () => protocolMessage('S'),
};

export interface Answer {
  rows: string[][];
  errors: string[];
}

export class RawWireClient {
  private buffered = Buffer.alloc(0);
  private answer: Answer = { rows: [], errors: [] };
  private waiting: ((answer: Answer) => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  static async open(port: number, host: string): Promise<RawWireClient> {
    const socket = connect(port, host);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const client = new RawWireClient(socket);
    await client.send(wire.startup());
    return client;
  }

  write(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** Sends messages that end in Sync, and resolves with the rows and errors up to ReadyForQuery. */
  send(...messages: Buffer[]): Promise<Answer> {
    const answered = new Promise<Answer>((resolve) => this.waiting.push(resolve));
    this.write(...messages);
    return answered;
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    while (this.buffered.length >= 5) {
      const length = this.buffered.readInt32BE(1);
      if (this.buffered.length < length + 1) return;
      const type = String.fromCharCode(this.buffered[0] as number);
      const body = this.buffered.subarray(5, length + 1);
      this.buffered = this.buffered.subarray(length + 1);
      if (type === 'D') this.answer.rows.push(dataRow(body));
      if (type === 'E') this.answer.errors.push(errorMessage(body));
      if (type === 'Z') {
        const answer = this.answer;
        this.answer = { rows: [], errors: [] };
        this.waiting.shift()?.(answer);
      }
    }
  }
}

function dataRow(body: Buffer): string[] {
  const values: string[] = [];
  let offset = 2;
  for (let column = 0; column < body.readInt16BE(0); column++) {
    const length = body.readInt32BE(offset);
    offset += 4;
    values.push(length < 0 ? '' : body.toString('utf8', offset, offset + length));
    offset += Math.max(length, 0);
  }
  return values;
}

function errorMessage(body: Buffer): string {
  const fields = body.toString('utf8').split('\0');
  return fields.find((field) => field.startsWith('M'))?.slice(1) ?? 'error';
}
