import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { generateCursorJwk, generatePrivateJwk, publicJwkOf, type JWK, type Purpose, type Role } from '@jembatan/kit';

export const BENCH_ISSUER = 'jembatan-bench';
export const BENCH_AUDIENCE = 'jembatan';

/** Key files as production reads them, fresh for one bench run, in its temporary folder. */
export interface BenchKeys {
  userIssuer: JWK;
  paths: {
    userIssuerJwks: string;
    gatewaySigningKey: string;
    gatewayPublicKeys: string;
    cursorKeysOf(subgraph: string): string;
    eventsSigningKey: string;
    eventsPublicKeys: string;
  };
}

export async function writeBenchKeys(folder: string, subgraphs: readonly string[]): Promise<BenchKeys> {
  const userIssuer = await generatePrivateJwk('ES256');
  const gatewaySigning = await generatePrivateJwk('EdDSA');
  const paths = {
    userIssuerJwks: join(folder, 'user-issuer.jwks.json'),
    gatewaySigningKey: join(folder, 'gateway-signing.private.jwk.json'),
    gatewayPublicKeys: join(folder, 'gateway-public.jwks.json'),
    cursorKeysOf: (subgraph: string) => join(folder, `${subgraph}-cursor.keys.json`),
    eventsSigningKey: join(folder, 'events-signing.private.jwk.json'),
    eventsPublicKeys: join(folder, 'events-public.jwks.json'),
  };
  const write = (path: string, value: unknown) => writeFileSync(path, JSON.stringify(value), { mode: 0o600 });
  write(paths.userIssuerJwks, { keys: [publicJwkOf(userIssuer)] });
  write(paths.gatewaySigningKey, gatewaySigning);
  write(paths.gatewayPublicKeys, { keys: [publicJwkOf(gatewaySigning)] });
  const eventsSigning = await generatePrivateJwk('EdDSA');
  write(paths.eventsSigningKey, eventsSigning);
  write(paths.eventsPublicKeys, { keys: [publicJwkOf(eventsSigning)] });
  for (const subgraph of subgraphs) write(paths.cursorKeysOf(subgraph), { keys: [generateCursorJwk()] });
  return { userIssuer, paths };
}

/** Who a scenario's requests come from. */
export interface BenchCaller {
  subject: string;
  roles: readonly Role[];
  purpose: Purpose | null;
}

/** A user token from the bench's identity provider, valid for the whole run (2 h). */
export async function mintUserToken(keys: BenchKeys, caller: BenchCaller): Promise<string> {
  return new SignJWT({ agency: 'jembatan-bench', roles: [...caller.roles] })
    .setProtectedHeader({ alg: 'ES256', kid: keys.userIssuer.kid })
    .setIssuer(BENCH_ISSUER)
    .setAudience(BENCH_AUDIENCE)
    .setSubject(caller.subject)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(await importJWK(keys.userIssuer, 'ES256'));
}
