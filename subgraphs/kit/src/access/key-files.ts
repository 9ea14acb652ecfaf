import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export type SigningAlgorithm = 'EdDSA' | 'ES256' | 'RS256';

export interface JsonWebKeySet {
  keys: JWK[];
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'] as const;

/** The public half of a private JWK: what may be handed to whoever verifies. */
export function publicJwkOf(privateJwk: JWK): JWK {
  const copy: JWK = { ...privateJwk };
  for (const member of PRIVATE_MEMBERS) delete copy[member];
  return copy;
}

/** Reads a JWK set (`{"keys": [...]}`) or a single JWK from a file, as a set. */
export function readJwks(path: string): JsonWebKeySet {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as JsonWebKeySet | JWK;
  return 'keys' in parsed && Array.isArray(parsed.keys) ? parsed : { keys: [parsed as JWK] };
}

/** Reads one private JWK from a file; a set must hold exactly one key with private members. */
export function readPrivateJwk(path: string): JWK {
  const candidates = readJwks(path).keys.filter((key) => key.d !== undefined);
  if (candidates.length !== 1) throw new Error(`${path} must hold exactly one private key`);
  return candidates[0]!;
}

/** A new private JWK with its thumbprint as `kid`. */
export async function generatePrivateJwk(alg: SigningAlgorithm): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}),
  });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg, use: 'sig', kid: await calculateJwkThumbprint(jwk) };
}

/**
 * A development key file: read it, or write `content` there on first use, so what was signed or
 * sealed today still verifies after a restart. Several processes may start at once (`pnpm start`);
 * the first to link its file into place wins and every other reads that one.
 */
export function ensureDevKeyFile<T>(path: string, read: (path: string) => T, content: () => unknown): T {
  try {
    return read(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  const draft = `${path}.${randomUUID()}.tmp`;
  writeFileSync(draft, `${JSON.stringify(content(), null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return read(path);
}

/** The development signing key at `path` (see ensureDevKeyFile). */
export async function ensureDevPrivateJwk(path: string, alg: SigningAlgorithm): Promise<JWK> {
  const generated = await generatePrivateJwk(alg);
  return ensureDevKeyFile(path, readPrivateJwk, () => generated);
}

/** Where development mode keeps its generated keys, under the data folder. */
export function devKeyPaths(dataDir: string) {
  return {
    /** The local identity provider behind `pnpm token`: the gateway trusts its public half in development. */
    userIssuer: `${dataDir}/keys/dev-user-issuer.private.jwk.json`,
    /** The gateway's key for the tokens it forwards to subgraphs; subgraphs trust its public half. */
    gatewaySigning: `${dataDir}/keys/gateway-signing.private.jwk.json`,
    /** A subgraph's own keys for sealing its cursors: no other service needs them. */
    cursorKeysOf: (subgraph: string) => `${dataDir}/keys/${subgraph}-cursor.keys.json`,
    /** One key every service of a development machine signs its embedded event pushes with. */
    eventsSigning: `${dataDir}/keys/events-signing.private.jwk.json`,
  };
}
