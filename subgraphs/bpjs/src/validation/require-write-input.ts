import { JembatanError, requireRegionCode } from '@jembatan/kit';
import { validateRegionCode } from '@jembatan/kit/identifiers';

/** numeric(18, 0): the largest amount a claim can hold. */
const MAX_AMOUNT = 10n ** 18n - 1n;

/** A Rupiah argument as a whole, non-negative amount a claim can hold; CLAIM_AMOUNT_INVALID otherwise. */
export function requireClaimAmount(value: string, argument: string): bigint {
  const amount = BigInt(value);
  if (amount < 0n || amount > MAX_AMOUNT) {
    throw new JembatanError('CLAIM_AMOUNT_INVALID', `${argument} must be from 0 to ${MAX_AMOUNT} Rupiah`, { argument });
  }
  return amount;
}

/** A branch office's region: a province (`31`) or a city or regency (`31.74`), as claims record it. */
export function requireBranchRegion(value: string, argument: string): string {
  requireRegionCode(value, argument);
  const region = validateRegionCode(value);
  if (region.ok && (region.level === 'province' || region.level === 'regency')) return value;
  throw new JembatanError(
    'INVALID_REGION_CODE',
    `${argument} must name a province ("31") or a city or regency ("31.74")`,
    {
      argument,
    },
  );
}

/** A date a write records as past or present: never after today. */
export function requireNotFuture(date: string, today: string, argument: string): string {
  if (date <= today) return date;
  throw new JembatanError('INVALID_DATE_RANGE', `${argument} (${date}) cannot be after today (${today})`, {
    field: argument,
  });
}

/** A rejection's reason: 1 to 500 characters of text. */
export function requireReason(value: string, argument: string): string {
  const reason = value.trim();
  if (reason.length === 0 || reason.length > 500 || /\p{Cc}/u.test(reason.replace(/\n/g, ''))) {
    throw new JembatanError('BAD_USER_INPUT', `${argument} must be 1 to 500 characters of text`, { argument });
  }
  return reason;
}
