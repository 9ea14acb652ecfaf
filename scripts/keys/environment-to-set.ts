import type { RegisteredAgency } from '@jembatan/subgraph-registry/agencies';
import { keyFileNames, type KeyFolder } from './key-folder';

/** The `iss` the test identity provider's tokens carry: never a real provider's. */
export const TEST_IDP_ISSUER = 'jembatan-test-idp';

/**
 * What each service must be told about the keys in `folder`, as the lines to print: the
 * gateway's signing key and its identity provider, and per subgraph the gateway's public keys and
 * its own cursor keys (CURSOR_KEYS_PATH is per process, so each subgraph gets its own value), and
 * how its events travel.
 */
export function environmentToSet(folder: KeyFolder, agencies: readonly RegisteredAgency[]): string {
  const gateway = [
    'gateway:',
    `  GATEWAY_SIGNING_KEY_PATH=${folder.fileOf(keyFileNames.gatewaySigning)}`,
    '  AUTH_ISSUER=<your identity provider issuer>',
    '  AUTH_JWKS_URL=<your identity provider JWKS URL>',
    '  # for a trial or a test without a real identity provider instead:',
    `  #   AUTH_ISSUER=${TEST_IDP_ISSUER}`,
    `  #   AUTH_JWKS_PATH=${folder.fileOf(keyFileNames.testIdpPublic)}`,
    `  #   (tokens signed with ${folder.fileOf(keyFileNames.testIdpSigning)})`,
  ];
  const subgraphs = agencies.flatMap((agency) => [
    `${agency.name}:`,
    `  GATEWAY_PUBLIC_KEYS_PATH=${folder.fileOf(keyFileNames.gatewayPublic)}`,
    `  CURSOR_KEYS_PATH=${folder.fileOf(keyFileNames.cursorKeysOf(agency.name))}`,
    '  NATS_URL=<your NATS server, e.g. nats://nats.internal:4222>',
    '  # or, on one machine without a broker, events pushed over HTTP instead:',
    '  #   EVENTS_TRANSPORT=embedded',
    `  #   EVENTS_SIGNING_KEY_PATH=${folder.fileOf(keyFileNames.eventsSigning)}`,
    `  #   EVENTS_PUBLIC_KEYS_PATH=${folder.fileOf(keyFileNames.eventsPublic)}`,
  ]);
  return [...gateway, ...subgraphs].join('\n');
}
