import { JembatanError } from '../errors/jembatan-error';

/**
 * Refuses a list too long for one call (BATCH_TOO_LARGE, with the maximum: the caller splits it)
 * or an empty one. A bulk write is one transaction: its size bounds its locks and its answer.
 */
export function requireBatchSize(items: readonly unknown[], maximum: number, argument: string, what: string): void {
  if (items.length > maximum) {
    throw new JembatanError(
      'BATCH_TOO_LARGE',
      `One call takes at most ${maximum} ${what}, not ${items.length}: split the list`,
      { maximum, argument },
    );
  }
  if (items.length === 0) {
    throw new JembatanError('BAD_USER_INPUT', `${argument} must name at least one of the ${what}`, { argument });
  }
}
