import { generateCursorJwk, generatePrivateJwk, publicJwkOf, type JsonWebKeySet, type JWK } from '@jembatan/kit';
import { KeyFolder, keyFileNames } from './key-folder';

/** The algorithm of the stand-in identity provider: the one `pnpm token`'s development provider uses. */
const TEST_IDP_ALGORITHM = 'ES256';

export class KeysExistError extends Error {}
export class NothingToRotateError extends Error {}

export interface GeneratedKeys {
  gatewaySigningKid: string;
  cursorKids: Record<string, string>;
  testIdpKid: string;
}

/** A new key first, then every key the set already had: the first one signs or seals, all verify. */
const withNewestFirst = (set: JsonWebKeySet, newest: JWK): JsonWebKeySet => ({ keys: [newest, ...set.keys] });

/**
 * Makes every key production needs in `folder`: the gateway's signing key and its public set,
 * each subgraph's cursor keys, the events key pair (for the embedded transport), and the test
 * identity provider's pair. Without `rotate`, a folder
 * that already holds any of them is refused, so a second run never replaces keys in use; with
 * `rotate`, a new key is added beside the old ones in every set. Only the newest private signing
 * key is kept: nothing signs with an older one, and its public half stays in the set.
 */
export async function generateKeys(
  folder: KeyFolder,
  subgraphs: readonly string[],
  { rotate }: { rotate: boolean },
): Promise<GeneratedKeys> {
  const names = [
    keyFileNames.gatewaySigning,
    keyFileNames.gatewayPublic,
    ...subgraphs.map(keyFileNames.cursorKeysOf),
    keyFileNames.eventsSigning,
    keyFileNames.eventsPublic,
    keyFileNames.testIdpSigning,
    keyFileNames.testIdpPublic,
  ];
  const existing = names.filter((name) => folder.has(name));
  if (!rotate && existing.length > 0) {
    throw new KeysExistError(
      `${folder.path} already holds keys (${existing.join(', ')}); pass --rotate to add new keys beside them`,
    );
  }
  if (rotate && !existing.includes(keyFileNames.gatewayPublic)) {
    throw new NothingToRotateError(`${folder.path} holds no keys to rotate; run without --rotate first`);
  }
  folder.prepare();

  const gatewaySigning = await generatePrivateJwk('EdDSA');
  const eventsSigning = await generatePrivateJwk('EdDSA');
  const testIdpSigning = await generatePrivateJwk(TEST_IDP_ALGORITHM);
  const cursorKeys = Object.fromEntries(subgraphs.map((subgraph) => [subgraph, generateCursorJwk()]));

  // Public sets and cursor sets first: should the run stop half-way, no signer yet uses a key
  // that a verifier does not know.
  folder.write(
    keyFileNames.gatewayPublic,
    withNewestFirst(folder.readSet(keyFileNames.gatewayPublic), publicJwkOf(gatewaySigning)),
    'public',
  );
  folder.write(
    keyFileNames.eventsPublic,
    withNewestFirst(folder.readSet(keyFileNames.eventsPublic), publicJwkOf(eventsSigning)),
    'public',
  );
  folder.write(
    keyFileNames.testIdpPublic,
    withNewestFirst(folder.readSet(keyFileNames.testIdpPublic), publicJwkOf(testIdpSigning)),
    'public',
  );
  for (const [subgraph, key] of Object.entries(cursorKeys)) {
    const name = keyFileNames.cursorKeysOf(subgraph);
    folder.write(name, withNewestFirst(folder.readSet(name), key), 'private');
  }
  folder.write(keyFileNames.gatewaySigning, gatewaySigning, 'private');
  folder.write(keyFileNames.eventsSigning, eventsSigning, 'private');
  folder.write(keyFileNames.testIdpSigning, testIdpSigning, 'private');

  return {
    gatewaySigningKid: gatewaySigning.kid!,
    cursorKids: Object.fromEntries(Object.entries(cursorKeys).map(([subgraph, key]) => [subgraph, key.kid!])),
    testIdpKid: testIdpSigning.kid!,
  };
}
