import { JembatanError } from '../errors/jembatan-error';
import type { Caller } from './caller';

/** Refuses, with FORBIDDEN, a change to the staff of a unit the caller does not administer. */
export type UnitScope = (unitCode: string) => void;

const list = (units: readonly string[]) => (units.length === 0 ? 'no unit' : units.join(', '));

/**
 * What a write may touch of the units: a caller whose token names the units they administer
 * (`units`, a unit's HR officer) changes only those units' staff; a caller without the claim (BKD,
 * the province's HR; an officer of BPJS) is limited by the write rules alone.
 */
export function unitScopeOf(caller: Caller, coordinate: string): UnitScope {
  const { units } = caller;
  if (units === undefined) return () => {};
  return (unitCode) => {
    if (units.includes(unitCode)) return;
    throw new JembatanError(
      'FORBIDDEN',
      `${coordinate} for unit ${unitCode} is refused: your account administers ${list(units)}. The unit's own HR, or BKD, makes this change.`,
      { field: coordinate, unitCode, units: [...units] },
    );
  };
}
