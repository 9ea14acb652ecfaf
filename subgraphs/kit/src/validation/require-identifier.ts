import { badInput, type ErrorCode } from '../errors';
import { validateKpj, validateNik, validateRegionCode, validateUnitCode } from '../identifiers';

type Validation = { ok: true } | { ok: false; reason: string };

function requireValid(code: ErrorCode, validate: (value: string) => Validation) {
  return (value: string, argument: string): string => {
    const result = validate(value);
    if (!result.ok) throw badInput(code, result.reason, argument);
    return value;
  };
}

/** Argument guards for resolvers: return the value when valid, else throw a catalogued error. */
export const requireNik = requireValid('INVALID_NIK', validateNik);
export const requireKpj = requireValid('INVALID_KPJ', validateKpj);
export const requireUnitCode = requireValid('INVALID_UNIT_CODE', validateUnitCode);
export const requireRegionCode = requireValid('INVALID_REGION_CODE', validateRegionCode);
