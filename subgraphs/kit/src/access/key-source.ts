import type { JWK } from 'jose';
import {
  ensureDevPrivateJwk,
  publicJwkOf,
  readJwks,
  readPrivateJwk,
  type JsonWebKeySet,
  type SigningAlgorithm,
} from './key-files';

/**
 * Where a service gets a key from: keys handed over in memory (tests), a file named by
 * configuration (production), or a development key generated on first start under the data folder.
 */
export type KeySource = { jwks: JsonWebKeySet } | { file: string } | { generateAt: string; alg: SigningAlgorithm };

/** The public keys of a source, never its private members. */
export async function loadPublicKeys(source: KeySource): Promise<JsonWebKeySet> {
  if ('jwks' in source) return { keys: source.jwks.keys.map(publicJwkOf) };
  if ('file' in source) return { keys: readJwks(source.file).keys.map(publicJwkOf) };
  return { keys: [publicJwkOf(await ensureDevPrivateJwk(source.generateAt, source.alg))] };
}

/** The one private key of a source, for signing. */
export async function loadPrivateKey(source: KeySource): Promise<JWK> {
  if ('jwks' in source) {
    const [key, ...others] = source.jwks.keys.filter((candidate) => candidate.d !== undefined);
    if (!key || others.length > 0) throw new Error('a signing key source must hold exactly one private key');
    return key;
  }
  if ('file' in source) return readPrivateJwk(source.file);
  return ensureDevPrivateJwk(source.generateAt, source.alg);
}

export function describeKeySource(source: KeySource): string {
  if ('jwks' in source) return 'keys given in memory';
  if ('file' in source) return source.file;
  return `${source.generateAt} (development key)`;
}
