import { z } from 'zod';

/**
 * Whether error answers carry stack traces (DEBUG_ERRORS=stack). Off by default in development
 * too: a stack through node_modules tells an analyst nothing and buries the answer; an operator
 * chasing a bug turns it on. Production masks unexpected errors whatever this says.
 */
export const errorDetailEnvShape = {
  DEBUG_ERRORS: z.enum(['stack', 'off']).default('off'),
};

export const stackTracesOn = (values: { DEBUG_ERRORS: 'stack' | 'off' }, production: boolean) =>
  values.DEBUG_ERRORS === 'stack' && !production;
