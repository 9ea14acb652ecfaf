import { echoed, JembatanError, validateUnitCode } from '@jembatan/kit';
import type { WorkforceContext } from '../context';
import type { UnitEntity } from '../entities';
import { unitsNamedLike } from '../queries';

/**
 * The unit an argument names, or a refusal that says what was meant: a malformed code
 * (INVALID_UNIT_CODE) or a well-formed one no unit has (NOT_FOUND), each with the units whose
 * name or code contains what was typed, so "Tebet" points at KEC-317401 (Kecamatan Tebet) and
 * never at a code that does not exist.
 */
export async function requireUnit(ctx: WorkforceContext, code: string, argument: string): Promise<UnitEntity> {
  const validation = validateUnitCode(code);
  const unit = validation.ok ? await ctx.loaders.unitByCode.load(code) : null;
  if (unit) return unit;
  const similar = await unitsNamedLike(ctx.database, code);
  // Not phrased "Did you mean …?": the gateway strips that (graphql-js's schema hints) in production.
  const listed = similar.map((u) => `${u.code} (${u.name})`).join(', ');
  const hint = similar.length > 0 ? ` Units whose name or code contains "${echoed(code.trim())}": ${listed}.` : '';
  const suggestions = similar.map((u) => u.code);
  if (!validation.ok) {
    throw new JembatanError('INVALID_UNIT_CODE', `${validation.reason}.${hint}`, { argument, suggestions });
  }
  throw new JembatanError('NOT_FOUND', `No Unit with code "${echoed(code)}".${hint}`, {
    entity: 'Unit',
    argument,
    suggestions,
  });
}
