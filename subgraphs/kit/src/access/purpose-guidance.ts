import { PURPOSES, ROLE_PURPOSES, type Purpose, type Role } from './roles';

/** Edit distance, for spotting ENROLLMENT (the US spelling) as ENROLMENT. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The one purpose a mistyped value most likely meant, or null: the same written another way
 * (`hr_administration`, `hr-administration`), its start (`HR`), or one or two letters off
 * (`ENROLLMENT`). Only ever a purpose that exists, and only when exactly one fits.
 */
export function closestPurpose(value: string): Purpose | null {
  const normalized = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  if (normalized === '') return null;
  for (const fits of [
    (purpose: Purpose) => purpose === normalized,
    (purpose: Purpose) => purpose.startsWith(normalized) || purpose.split('_')[0] === normalized,
    (purpose: Purpose) => distance(purpose, normalized) <= 2,
  ]) {
    const candidates = PURPOSES.filter(fits);
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length > 1) return null;
  }
  return null;
}

/** Why a declared purpose is not one at all, with the valid ones and a likely meaning. */
export function unknownPurposeMessage(value: string, where: string): string {
  const meant = closestPurpose(value);
  const suggestion = meant ? ` Did you mean ${meant}?` : '';
  return `${where} "${value.slice(0, 40)}" is not a purpose of access.${suggestion} Declare one of: ${PURPOSES.join(', ')}.`;
}

/** The purposes any of these roles may declare, in the order of PURPOSES. */
export function declarablePurposes(roles: readonly Role[]): Purpose[] {
  return PURPOSES.filter((purpose) => roles.some((role) => ROLE_PURPOSES[role].includes(purpose)));
}

/** Why these roles may not declare this purpose, and what they may declare instead. */
export function purposeNotAllowedMessage(roles: readonly Role[], purpose: Purpose): string {
  const allowed = declarablePurposes(roles);
  const instead = allowed.length > 0 ? `they may declare ${allowed.join(', ')}` : 'they may declare no purpose';
  return `None of your roles (${roles.join(', ') || 'none'}) may declare ${purpose}; ${instead}.`;
}
