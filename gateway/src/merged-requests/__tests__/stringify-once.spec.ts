import { describe, expect, it } from 'vitest';
import { stringifyOnce } from '../stringify-once';

describe('stringifyOnce', () => {
  it('writes compact JSON once for every wrapper around the same parts', () => {
    let written = 0;
    // JSON.stringify calls toJSON each time it writes the data: it counts the writes.
    const data = {
      unit: { name: 'Kecamatan Tebet', headcount: 941 },
      toJSON: () => ((written += 1), { unit: 'Tebet' }),
    };
    const errors = [{ message: 'withheld', extensions: { code: 'FORBIDDEN' } }];
    const first = stringifyOnce({ errors, data });
    expect(first).toBe('{"errors":[{"message":"withheld","extensions":{"code":"FORBIDDEN"}}],"data":{"unit":"Tebet"}}');
    expect(stringifyOnce({ errors, data })).toBe(first);
    expect(stringifyOnce({ errors, data })).toBe(first);
    expect(written).toBe(1);
  });

  it('writes afresh when the data is the same but the errors are not', () => {
    const data = { unit: { name: 'Kecamatan Tebet' } };
    expect(stringifyOnce({ data })).toBe('{"data":{"unit":{"name":"Kecamatan Tebet"}}}');
    const errors = [{ message: 'withheld', extensions: { code: 'FORBIDDEN' } }];
    expect(stringifyOnce({ errors, data })).toBe(JSON.stringify({ errors, data }));
  });

  it('writes answers without data as they are', () => {
    expect(stringifyOnce({ errors: [{ message: 'no' }] })).toBe('{"errors":[{"message":"no"}]}');
  });
});
