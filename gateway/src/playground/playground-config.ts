import { readEnvironment } from '@jembatan/kit/http';
import { z } from 'zod';

export interface PlaygroundConfig {
  /** Whether the gateway serves the GraphiQL playground at `/` (PLAYGROUND). */
  enabled: boolean;
}

/**
 * Reads whether the playground is served: on by default in development, off in production
 * unless PLAYGROUND=on. Its development token endpoint never exists in production, whatever
 * this says (see playgroundRoutes).
 */
export function readPlaygroundConfig(env: Record<string, string | undefined>, production: boolean): PlaygroundConfig {
  const values = readEnvironment({ PLAYGROUND: z.enum(['on', 'off']).optional() }, env, 'gateway playground');
  return { enabled: (values.PLAYGROUND ?? (production ? 'off' : 'on')) === 'on' };
}
