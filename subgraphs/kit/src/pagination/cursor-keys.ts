import { randomBytes, randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { ensureDevKeyFile, readJwks, type JsonWebKeySet } from '../access/key-files';

/** One AES-256-GCM key cursors are sealed with, named so a cursor says which key sealed it. */
export interface CursorKey {
  kid: string;
  secret: Buffer;
}

/**
 * Where a subgraph gets its cursor keys: a JWK set in memory (tests), a file named by
 * CURSOR_KEYS_PATH (production), or a development key generated on first start under the data
 * folder. The set holds symmetric JWKs (`kty: "oct"`, `alg: "A256GCM"`); the first seals.
 */
export type CursorKeySource = { jwks: JsonWebKeySet } | { file: string } | { generateAt: string };

const KID_PATTERN = /^[\w.-]{1,64}$/;

/** A new cursor key as a JWK, for a key file or a test. */
export function generateCursorJwk(): JWK {
  return { kty: 'oct', alg: 'A256GCM', kid: randomUUID().slice(0, 8), k: randomBytes(32).toString('base64url') };
}

function toCursorKeys(set: JsonWebKeySet, where: string): CursorKey[] {
  const keys = set.keys.map((jwk) => {
    const secret = Buffer.from(jwk.k ?? '', 'base64url');
    if (jwk.kty !== 'oct' || secret.length !== 32 || !jwk.kid || !KID_PATTERN.test(jwk.kid)) {
      throw new Error(
        `${where}: every cursor key must be {"kty":"oct","kid":"<1-64 of [A-Za-z0-9_.-]>","k":"<32 bytes>"}`,
      );
    }
    return { kid: jwk.kid, secret };
  });
  if (keys.length === 0) throw new Error(`${where}: holds no cursor key`);
  if (new Set(keys.map((key) => key.kid)).size !== keys.length)
    throw new Error(`${where}: two cursor keys share a kid`);
  return keys;
}

/** Generated on first use under the data folder (see ensureDevKeyFile). */
function ensureDevCursorKeys(path: string): JsonWebKeySet {
  return ensureDevKeyFile(path, readJwks, () => ({ keys: [generateCursorJwk()] }));
}

export function loadCursorKeys(source: CursorKeySource): CursorKey[] {
  if ('jwks' in source) return toCursorKeys(source.jwks, 'cursor keys');
  if ('file' in source) return toCursorKeys(readJwks(source.file), source.file);
  return toCursorKeys(ensureDevCursorKeys(source.generateAt), source.generateAt);
}
