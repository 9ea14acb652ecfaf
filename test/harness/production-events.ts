import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePrivateJwk, publicJwkOf } from '@jembatan/kit';

/**
 * What a production subgraph started by a test needs for its events when no broker is part of
 * the test: the embedded transport, asked for explicitly, with an events key pair written into
 * `folder` (production reads keys from files, never generates them). Without peers the relay
 * has no one to push to: the test is about something else.
 */
export async function productionEventsEnvironment(folder: string): Promise<Record<string, string>> {
  const signing = await generatePrivateJwk('EdDSA');
  const signingPath = join(folder, 'events-signing.private.jwk.json');
  const publicPath = join(folder, 'events-public.jwks.json');
  writeFileSync(signingPath, JSON.stringify(signing), { mode: 0o600 });
  writeFileSync(publicPath, JSON.stringify({ keys: [publicJwkOf(signing)] }));
  return { EVENTS_TRANSPORT: 'embedded', EVENTS_SIGNING_KEY_PATH: signingPath, EVENTS_PUBLIC_KEYS_PATH: publicPath };
}
