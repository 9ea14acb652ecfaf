import { createPrivateKey, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import type { SigningAlgorithm } from './key-files';

/** How node:crypto signs for each algorithm a Jembatan key may have (RFC 7518 §3). */
const SIGNING: Record<SigningAlgorithm, { digest: string | null; dsaEncoding?: 'ieee-p1363' }> = {
  EdDSA: { digest: null },
  ES256: { digest: 'sha256', dsaEncoding: 'ieee-p1363' },
  RS256: { digest: 'sha256' },
};

const isSigningAlgorithm = (alg: string): alg is SigningAlgorithm => Object.hasOwn(SIGNING, alg);

/**
 * Signs compact JWS (RFC 7515) with node:crypto, synchronously, for a gateway that signs a token
 * per subgraph fetch. jose signs through WebCrypto, whose every call is a job on the thread pool:
 * at two fetches a request it took about 7 % of the gateway's CPU on a heavy page. Verifying stays
 * with jose (the subgraphs' side, where every check a token needs lives).
 */
export function compactJwsSigner(privateJwk: JWK, header: Record<string, unknown>) {
  const alg = privateJwk.alg ?? 'EdDSA';
  if (!isSigningAlgorithm(alg)) throw new Error(`gateway signing key: unsupported algorithm ${alg}`);
  const key: KeyObject = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' });
  const { digest, dsaEncoding } = SIGNING[alg];
  const encodedHeader = Buffer.from(JSON.stringify({ alg, ...header })).toString('base64url');
  return (payload: Record<string, unknown>): string => {
    const signingInput = `${encodedHeader}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const signature = sign(digest, Buffer.from(signingInput), dsaEncoding ? { key, dsaEncoding } : key);
    return `${signingInput}.${signature.toString('base64url')}`;
  };
}
