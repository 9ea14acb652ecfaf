import { JembatanError } from '../errors/jembatan-error';

/** 8 to 128 of letters, digits, `_` and `-`: a UUID, a ULID or a client's own scheme all fit. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

const HOW_TO_FIX =
  'send 8 to 128 letters, digits, "_" or "-" (e.g. a UUID), new for each intended change and the same when retrying it';

/** The idempotency key of a write, checked for form: missing → IDEMPOTENCY_KEY_REQUIRED, malformed → BAD_USER_INPUT. */
export function requireIdempotencyKey(key: string | null | undefined): string {
  if (key == null || key.trim() === '') {
    throw new JembatanError('IDEMPOTENCY_KEY_REQUIRED', `idempotencyKey is required: ${HOW_TO_FIX}`, {
      argument: 'idempotencyKey',
    });
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new JembatanError('BAD_USER_INPUT', `idempotencyKey is malformed: ${HOW_TO_FIX}`, {
      argument: 'idempotencyKey',
    });
  }
  return key;
}
