import type { TransactionQueries } from '@jembatan/kit';
import { ADJUST_PARTICIPATION_SUMMARY, DROP_EMPTY_PARTICIPATION_SUMMARY } from '../summaries/participation-changes';
import { ADJUST_UNIT_COVERAGE_CHANGES, DROP_EMPTY_UNIT_COVERAGE_CHANGES } from '../summaries/unit-coverage-changes';

/**
 * Keeps the two coverage summaries (per unit, per regency and segment) exact across a change to
 * some participants' enrolments or registrar: their share is taken out before the change and put
 * back after, in the change's transaction. Four statements for any number of participants, plus
 * two that drop emptied rows. `before` names the participants that existed before the change.
 */
export async function changeCoverage<T>(
  transaction: TransactionQueries,
  before: readonly string[],
  after: () => Promise<{ result: T; kpjs: readonly string[] }>,
): Promise<T> {
  if (before.length > 0) await adjust(transaction, before, -1);
  const { result, kpjs } = await after();
  if (kpjs.length > 0) await adjust(transaction, kpjs, 1);
  if (before.length > 0) {
    await transaction.query(DROP_EMPTY_UNIT_COVERAGE_CHANGES);
    await transaction.query(DROP_EMPTY_PARTICIPATION_SUMMARY);
  }
  return result;
}

async function adjust(transaction: TransactionQueries, kpjs: readonly string[], sign: 1 | -1) {
  await transaction.query(ADJUST_UNIT_COVERAGE_CHANGES, [kpjs, sign]);
  await transaction.query(ADJUST_PARTICIPATION_SUMMARY, [kpjs, sign]);
}
