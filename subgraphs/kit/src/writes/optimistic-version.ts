import { JembatanError } from '../errors/jembatan-error';

/** `expectedVersion` as a client must send it: the positive whole number it read. */
export function requireExpectedVersion(expectedVersion: number, argument = 'expectedVersion'): number {
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 1) {
    throw new JembatanError('BAD_USER_INPUT', `${argument} must be the version you read: a whole number from 1`, {
      argument,
    });
  }
  return expectedVersion;
}

/** The record changed since the client read it: it must read again (extensions.currentVersion). */
export function versionConflict(entity: string, currentVersion: number, expectedVersion: number): JembatanError {
  return new JembatanError(
    'VERSION_CONFLICT',
    `The ${entity} is at version ${currentVersion}, not ${expectedVersion}: read it again, re-apply your change and send the new version`,
    { entity, currentVersion, expectedVersion },
  );
}

/**
 * Refuses a change to a record whose version is not the one the client read. Call it on the row
 * read FOR UPDATE in the write's transaction, and update `WHERE version = expected` as well, so a
 * concurrent change can never be overwritten unseen (a lost update).
 */
export function checkVersion(entity: string, currentVersion: number, expectedVersion: number): void {
  if (currentVersion !== expectedVersion) throw versionConflict(entity, currentVersion, expectedVersion);
}
