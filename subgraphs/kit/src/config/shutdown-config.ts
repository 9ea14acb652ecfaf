import { readEnvironment } from './read-environment';
import { z } from 'zod';

export interface ShutdownConfig {
  /** How long a stopping service lets requests in flight finish before it cuts them. */
  shutdownGraceMs: number;
}

/**
 * Ten seconds finishes any answer our latency budgets allow, and leaves room under an
 * orchestrator's own deadline (Kubernetes kills after 30 s) for a pre-stop pause and closing
 * the database.
 */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** The variables every service reads about stopping; config readers spread this into their schema. */
export const shutdownEnvShape = {
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_SHUTDOWN_GRACE_MS),
};

/** Reads the shutdown settings on their own (the gateway's config takes them from here). */
export function readShutdownConfig(env: Record<string, string | undefined>): ShutdownConfig {
  const values = readEnvironment(shutdownEnvShape, env, 'shutdown');
  return { shutdownGraceMs: values.SHUTDOWN_GRACE_MS };
}
