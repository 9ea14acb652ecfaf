import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { RequestRejectedError } from '@jembatan/kit';
import { declaredDataSubject } from '../data-subject';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const NIK = '3174010104930168';

function refusal(run: () => unknown): { status: number; code: string; message: string } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestRejectedError)
      return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

describe('X-Data-Subject', () => {
  it('names the person a DATA_SUBJECT_REQUEST is about', () => {
    expect(declaredDataSubject(request({ 'x-data-subject': NIK }), 'DATA_SUBJECT_REQUEST')).toBe(NIK);
  });

  it('is required under DATA_SUBJECT_REQUEST', () => {
    expect(refusal(() => declaredDataSubject(request({}), 'DATA_SUBJECT_REQUEST'))).toMatchObject({
      status: 400,
      code: 'DATA_SUBJECT_REQUIRED',
      message: expect.stringContaining('X-Data-Subject'),
    });
  });

  it('is refused with any other purpose, or none', () => {
    for (const purpose of ['HR_ADMINISTRATION', null] as const) {
      expect(refusal(() => declaredDataSubject(request({ 'x-data-subject': NIK }), purpose))).toMatchObject({
        status: 400,
        code: 'DATA_SUBJECT_WITHOUT_PURPOSE',
      });
    }
    expect(declaredDataSubject(request({}), 'HR_ADMINISTRATION')).toBeNull();
  });

  it('is validated like any NIK, and never echoed', () => {
    for (const bad of [`${NIK} `, '3174', '9974010104930168', 'x'.repeat(5000)]) {
      const refused = refusal(() => declaredDataSubject(request({ 'x-data-subject': bad }), 'DATA_SUBJECT_REQUEST'));
      expect(refused).toMatchObject({ status: 400, code: 'INVALID_NIK' });
      expect(refused!.message).not.toContain(bad.trim());
    }
  });
});
