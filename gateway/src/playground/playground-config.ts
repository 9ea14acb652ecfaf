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
  const parsed = z
    .object({ PLAYGROUND: z.enum(['on', 'off']).optional() })
    .safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid gateway playground configuration: ${problems}`);
  }
  return { enabled: (parsed.data.PLAYGROUND ?? (production ? 'off' : 'on')) === 'on' };
}
