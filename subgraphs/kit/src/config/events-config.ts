import { resolve } from 'node:path';
import { z } from 'zod';
import type { KeySource } from '../access/key-source';

/** How a service's events travel: see docs/events.md. */
export interface EventsConfig {
  transport: 'nats' | 'embedded';
  /** The broker, for the `nats` transport. */
  natsUrl?: string;
  /** The `embedded` transport's other services by name, at their base URLs: where the relay pushes. */
  peers: Readonly<Record<string, string>>;
  /** The `embedded` transport: the key this service signs its pushes with. */
  signingKey: KeySource;
  /** The `embedded` transport: the producers' public keys, which pushes to this service must verify against. */
  publicKeys: KeySource;
  /** Events per relay batch. */
  relayBatch: number;
  /** How often an idle relay looks for new events. */
  relayPollMs: number;
  /** Deliveries before an event whose handler keeps failing is parked. */
  maxDeliveries: number;
  /** Ordering keys a consumer applies at once. */
  concurrency: number;
}

const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const natsUrl = z
  .string()
  .regex(/^(nats|tls):\/\/[^\s]+$/, 'must be a nats:// (or tls://) URL, several comma-separated');

/** The variables of the event machinery; the subgraph config reader spreads this into its schema. */
export const eventsEnvShape = {
  NATS_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || value.split(',').every((url) => natsUrl.safeParse(url.trim()).success), {
      message: 'must be a nats:// (or tls://) URL, several comma-separated',
    }),
  EVENTS_TRANSPORT: z.enum(['nats', 'embedded']).optional(),
  EVENTS_PEERS: z.string().optional(),
  EVENTS_SIGNING_KEY_PATH: z.string().min(1).optional(),
  EVENTS_PUBLIC_KEYS_PATH: z.string().min(1).optional(),
  EVENTS_RELAY_BATCH: count(1, 10_000).default(500),
  EVENTS_RELAY_POLL_MS: count(10, 60_000).default(100),
  EVENTS_MAX_DELIVERIES: count(1, 1_000).default(5),
  EVENTS_CONCURRENCY: count(1, 64).default(4),
};

type EventsEnv = z.infer<z.ZodObject<typeof eventsEnvShape>>;

/** `workforce=http://127.0.0.1:4001,bpjs=http://127.0.0.1:4002` → by name. */
export function parseEventsPeers(text: string | undefined): Record<string, string> {
  const peers: Record<string, string> = {};
  for (const entry of (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)=(https?:\/\/\S+)$/.exec(entry);
    if (!match) throw new Error(`EVENTS_PEERS: "${entry}" is not name=http(s)://host:port`);
    peers[match[1]!] = match[2]!;
  }
  return peers;
}

/**
 * Which transport, from the variables: NATS when NATS_URL is set, else the embedded one, except
 * in production, where an embedded transport must be asked for by name (EVENTS_TRANSPORT=embedded)
 * with its keys given as files: a production service never falls back to it silently.
 */
export function eventsConfigOf(
  env: EventsEnv,
  context: { name: string; production: boolean; devKeyPath: string },
): EventsConfig {
  const fail = (message: string) => {
    throw new Error(`Invalid configuration for the ${context.name} subgraph: ${message}`);
  };
  const transport = env.EVENTS_TRANSPORT ?? (env.NATS_URL ? 'nats' : 'embedded');
  if (transport === 'nats' && !env.NATS_URL) fail('NATS_URL: required with EVENTS_TRANSPORT=nats');
  if (context.production && transport === 'embedded') {
    if (env.EVENTS_TRANSPORT !== 'embedded') {
      fail(
        'NATS_URL: required in production (or set EVENTS_TRANSPORT=embedded to push events over HTTP, one machine only)',
      );
    }
    if (!env.EVENTS_SIGNING_KEY_PATH || !env.EVENTS_PUBLIC_KEYS_PATH) {
      fail(
        'EVENTS_SIGNING_KEY_PATH and EVENTS_PUBLIC_KEYS_PATH: required in production with EVENTS_TRANSPORT=embedded',
      );
    }
  }
  let peers: Record<string, string> = {};
  try {
    peers = parseEventsPeers(env.EVENTS_PEERS);
  } catch (error) {
    fail((error as Error).message);
  }
  const devKey: KeySource = { generateAt: context.devKeyPath, alg: 'EdDSA' };
  return {
    transport,
    natsUrl: env.NATS_URL,
    peers,
    signingKey: env.EVENTS_SIGNING_KEY_PATH ? { file: resolve(env.EVENTS_SIGNING_KEY_PATH) } : devKey,
    publicKeys: env.EVENTS_PUBLIC_KEYS_PATH ? { file: resolve(env.EVENTS_PUBLIC_KEYS_PATH) } : devKey,
    relayBatch: env.EVENTS_RELAY_BATCH,
    relayPollMs: env.EVENTS_RELAY_POLL_MS,
    maxDeliveries: env.EVENTS_MAX_DELIVERIES,
    concurrency: env.EVENTS_CONCURRENCY,
  };
}
