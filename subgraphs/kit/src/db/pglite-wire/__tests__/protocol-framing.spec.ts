import { describe, expect, it } from 'vitest';
import { BackendMessageTracker } from '../backend-messages';
import { FrontendMessageReader, SSL_REQUEST_CODE } from '../frontend-messages';
import { protocolMessage } from '../protocol-message';

const typed = (type: string, body: Buffer) => protocolMessage(type, body);

function untyped(code: number, rest = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + rest.length, 0);
  head.writeInt32BE(code, 4);
  return Buffer.concat([head, rest]);
}

const readyForQuery = (status: string) => typed('Z', Buffer.from(status, 'latin1'));

describe('FrontendMessageReader', () => {
  it('answers encryption requests apart, then reads startup and typed messages split anywhere', () => {
    const startup = untyped(196608, Buffer.from('user\0postgres\0\0'));
    const parse = typed('P', Buffer.from('\0SELECT 1\0\0\0'));
    const sync = typed('S', Buffer.alloc(0));
    const stream = Buffer.concat([untyped(SSL_REQUEST_CODE), startup, parse, sync, typed('X', Buffer.alloc(0))]);
    const reader = new FrontendMessageReader();
    const messages = [];
    for (let offset = 0; offset < stream.length; offset += 3)
      messages.push(...reader.push(stream.subarray(offset, offset + 3)));
    expect(messages.map((message) => message.kind)).toEqual([
      'encryption-request',
      'startup',
      'typed',
      'typed',
      'terminate',
    ]);
    expect(messages[2]).toMatchObject({ type: 'P'.charCodeAt(0), bytes: parse });
  });

  it('refuses a frame whose length cannot be right', () => {
    const reader = new FrontendMessageReader();
    reader.push(untyped(196608, Buffer.from('\0')));
    expect(() => reader.push(Buffer.from([0x51, 0xff, 0xff, 0xff, 0xff]))).toThrow(/malformed message/);
  });
});

describe('BackendMessageTracker', () => {
  it('is idle only when the answer ends on ReadyForQuery with status I, however it is chunked', () => {
    // A DataRow whose bytes look like an idle ReadyForQuery must not fool it.
    const lookalike = typed(
      'D',
      Buffer.concat([Buffer.from([0, 1, 0, 0, 0, 6]), Buffer.from('Z\0\0\0\x05I', 'latin1')]),
    );
    const cases: [Buffer, boolean][] = [
      [Buffer.concat([typed('1', Buffer.alloc(0)), readyForQuery('I')]), true],
      [Buffer.concat([typed('C', Buffer.from('BEGIN\0')), readyForQuery('T')]), false],
      [readyForQuery('E'), false],
      [typed('G', Buffer.from([0, 0, 0])), false],
      [Buffer.concat([readyForQuery('I'), typed('1', Buffer.alloc(0))]), false],
      [lookalike, false],
      [Buffer.alloc(0), false],
    ];
    for (const [answer, idle] of cases) {
      for (const size of [1, 2, 5, 64]) {
        const tracker = new BackendMessageTracker();
        for (let offset = 0; offset < answer.length; offset += size)
          tracker.observe(answer.subarray(offset, offset + size));
        expect({ answer: answer.toString('latin1'), size, idle: tracker.endsIdle }).toEqual({
          answer: answer.toString('latin1'),
          size,
          idle,
        });
      }
    }
  });

  it('forgets the previous answer on reset', () => {
    const tracker = new BackendMessageTracker();
    tracker.observe(readyForQuery('I'));
    tracker.reset();
    expect(tracker.endsIdle).toBe(false);
  });
});
