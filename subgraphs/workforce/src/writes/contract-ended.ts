import { JembatanError } from '@jembatan/kit';

/** An ended contract takes no more changes to its placement or its end. */
export function contractIsEnded(change: string): JembatanError {
  return new JembatanError('INVALID_TRANSITION', `The worker's contract has ended: it can no longer be ${change}`, {
    from: 'ENDED',
    allowed: [],
  });
}
