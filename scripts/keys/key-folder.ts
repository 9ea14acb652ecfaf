import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJwks, type JsonWebKeySet, type JWK } from '@jembatan/kit';

/** Who may read a file: private keys their owner only, public key sets anyone. */
export type Secrecy = 'private' | 'public';

const FILE_MODE: Record<Secrecy, number> = { private: 0o600, public: 0o644 };
export const FOLDER_MODE = 0o700;

/**
 * Every file `pnpm keys` writes, by role. The file names say what each holds; the test identity
 * provider's say "test" because a production gateway trusts a real provider's JWKS instead.
 */
export const keyFileNames = {
  /** The one private JWK the gateway signs its tokens to the subgraphs with (the newest). */
  gatewaySigning: 'gateway-signing.private.jwk.json',
  /** Every gateway public key the subgraphs accept, newest first. */
  gatewayPublic: 'gateway-public.jwks.json',
  /** A subgraph's own AES-256-GCM cursor keys, newest first (the first seals, all open). */
  cursorKeysOf: (subgraph: string) => `${subgraph}-cursor.keys.json`,
  /** The services' shared key for signing events pushed without a broker (EVENTS_TRANSPORT=embedded). */
  eventsSigning: 'events-signing.private.jwk.json',
  /** Every events public key the services accept from a pushing peer, newest first. */
  eventsPublic: 'events-public.jwks.json',
  /** For tests and trials only: the private key of a stand-in identity provider (the newest). */
  testIdpSigning: 'test-idp.private.jwk.json',
  /** For tests and trials only: every public key of that stand-in provider, newest first. */
  testIdpPublic: 'test-idp.jwks.json',
};

/** A key folder on disk: reads what is there, writes each file whole with its mode. */
export class KeyFolder {
  constructor(readonly path: string) {}

  fileOf(name: string): string {
    return join(this.path, name);
  }

  has(name: string): boolean {
    return existsSync(this.fileOf(name));
  }

  /** The set in a file, or an empty set when the file does not exist yet. */
  readSet(name: string): JsonWebKeySet {
    return this.has(name) ? readJwks(this.fileOf(name)) : { keys: [] };
  }

  /** Creates the folder (owner only) if needed; an existing one is narrowed to owner only too. */
  prepare(): void {
    mkdirSync(this.path, { recursive: true, mode: FOLDER_MODE });
    chmodSync(this.path, FOLDER_MODE);
  }

  /**
   * Writes beside the target, sets the mode, then renames over it: a reader never sees half a
   * key file, and the mode does not depend on the umask.
   */
  write(name: string, content: JsonWebKeySet | JWK, secrecy: Secrecy): void {
    const target = this.fileOf(name);
    const draft = `${target}.${process.pid}.tmp`;
    writeFileSync(draft, `${JSON.stringify(content, null, 2)}\n`, { mode: FILE_MODE[secrecy] });
    chmodSync(draft, FILE_MODE[secrecy]);
    renameSync(draft, target);
  }
}
