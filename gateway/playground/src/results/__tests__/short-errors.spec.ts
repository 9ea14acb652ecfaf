import { describe, expect, it } from 'vitest';
import { shortErrors } from '../short-errors';

describe('shortErrors', () => {
  it('keeps the code, the path and the first line of the message, and nothing else an error carries', () => {
    const errors = [
      {
        message:
          'Participant.claims is withheld for the purpose HR_ADMINISTRATION.\n    at resolve (node_modules/x.js:1:1)',
        path: ['unit', 'workers', 'edges', 0, 'node', 'bpjs', 'claims'],
        extensions: { code: 'FORBIDDEN', stacktrace: ['Error: …', '    at resolve (node_modules/x.js:1:1)'] },
      },
      { message: 'Syntax Error: Expected Name, found <EOF>.' },
    ];
    expect(shortErrors(errors)).toEqual([
      {
        code: 'FORBIDDEN',
        path: 'unit.workers.edges.0.node.bpjs.claims',
        message: 'Participant.claims is withheld for the purpose HR_ADMINISTRATION.',
      },
      { code: 'ERROR', path: null, message: 'Syntax Error: Expected Name, found <EOF>.' },
    ]);
  });

  it('cuts a very long message short', () => {
    const [short] = shortErrors([{ message: 'x'.repeat(1000), extensions: { code: 'BAD_USER_INPUT' } }]);
    expect(short!.message).toHaveLength(240);
    expect(short!.message.endsWith('…')).toBe(true);
  });
});
