import type { IncomingMessage } from 'node:http';
import type { Purpose } from '@jembatan/kit/access';
import { RequestRejectedError } from '@jembatan/kit/http';
import { validateNik } from '@jembatan/kit/identifiers';

export const DATA_SUBJECT_HEADER = 'x-data-subject';

/**
 * The person a DATA_SUBJECT_REQUEST is about (UU 27/2022: a data subject's own request), by NIK.
 * That purpose opens one person's data, so it needs the person; every agency then answers
 * personal data of that NIK only. Sent with any other purpose it would suggest a limit that does
 * not apply, so it is refused there too. The NIK is never echoed back.
 */
export function declaredDataSubject(request: IncomingMessage, purpose: Purpose | null): string | null {
  const header = request.headers[DATA_SUBJECT_HEADER];
  const nik = typeof header === 'string' && header !== '' ? header : null;
  if (purpose !== 'DATA_SUBJECT_REQUEST') {
    if (nik === null) return null;
    throw new RequestRejectedError(
      400,
      'DATA_SUBJECT_WITHOUT_PURPOSE',
      'X-Data-Subject goes only with X-Purpose: DATA_SUBJECT_REQUEST',
    );
  }
  if (nik === null) {
    throw new RequestRejectedError(
      400,
      'DATA_SUBJECT_REQUIRED',
      'X-Purpose DATA_SUBJECT_REQUEST needs the NIK of the person the request is about in X-Data-Subject',
    );
  }
  const validation = validateNik(nik);
  if (!validation.ok) throw new RequestRejectedError(400, 'INVALID_NIK', `X-Data-Subject: ${validation.reason}`);
  return nik;
}
