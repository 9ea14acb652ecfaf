import { describe, expect, it } from 'vitest';
import { stringifyOnce } from '../stringify-once';

describe('stringifyOnce', () => {
  it('writes compact JSON, the same text for every wrapper around the same parts', () => {
    const data = { unit: { name: 'Kecamatan Tebet', headcount: 941 } };
    const errors = [{ message: 'withheld', extensions: { code: 'FORBIDDEN' } }];
    const first = stringifyOnce({ errors, data });
    expect(first).toBe(JSON.stringify({ errors, data }));
    expect(stringifyOnce({ errors, data })).toBe(first);
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
