import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REGISTERED_AGENCIES } from '@jembatan/subgraph-registry/agencies';
import { environmentToSet } from './keys/environment-to-set';
import { generateKeys, KeysExistError, NothingToRotateError } from './keys/generate-keys';
import { KeyFolder } from './keys/key-folder';
import { fail } from './exit-with';

const DEFAULT_OUT = resolve(__dirname, '../data/keys/production');

const USAGE = `Usage: pnpm keys [--out DIR] [--rotate]

Generates the keys a production start needs into DIR (default data/keys/production), folder
mode 0700, private files 0600, public key sets 0644:
  gateway-signing.private.jwk.json  the gateway's signing key (EdDSA), the newest only
  gateway-public.jwks.json          its public keys, for every subgraph
  <subgraph>-cursor.keys.json       each subgraph's own cursor-sealing keys (AES-256-GCM)
  events-signing.private.jwk.json   the services' key for events pushed without a broker (EdDSA),
  events-public.jwks.json           and its public keys (only with EVENTS_TRANSPORT=embedded)
  test-idp.private.jwk.json         a stand-in identity provider, for tests and trials only,
  test-idp.jwks.json                and its public keys
Refuses a folder that already holds keys. --rotate adds a new key beside the old ones in every
set: signers use the new key, verifiers accept old and new. Give the subgraphs the new public
and cursor sets before the gateway its new signing key.`;

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string' },
        rotate: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) fail(USAGE, 0);
  const folder = new KeyFolder(values.out ? resolve(values.out) : DEFAULT_OUT);
  const rotate = values.rotate ?? false;
  try {
    const made = await generateKeys(
      folder,
      REGISTERED_AGENCIES.map((agency) => agency.name),
      { rotate },
    );
    console.log(
      `${rotate ? 'Added new keys beside the old ones' : 'Wrote new keys'} in ${folder.path} ` +
        `(gateway signing kid ${made.gatewaySigningKid}).\n\nSet, per service:\n${environmentToSet(folder, REGISTERED_AGENCIES)}`,
    );
  } catch (error) {
    if (error instanceof KeysExistError || error instanceof NothingToRotateError) fail(error.message, 1);
    throw error;
  }
}

main().catch((error: unknown) => fail(String((error as Error).stack ?? error), 1));
