import { describeKeySource, loadPrivateKey, loadPublicKeys, type KeySource } from '@jembatan/kit/access';
import type { AuthConfig } from './auth-config';
import type { UserTokenSettings } from './user-token-verifier';

/** Turns the configured key sources into keys (generating development keys on first start). */
export async function loadAuthKeys(config: { auth: AuthConfig; signingKey: KeySource }) {
  const { userKeys, ...settings }: AuthConfig = config.auth;
  const auth: UserTokenSettings = {
    ...settings,
    keys: 'url' in userKeys ? userKeys : await loadPublicKeys(userKeys),
  };
  return {
    auth,
    signingKey: await loadPrivateKey(config.signingKey),
    described: {
      userKeys: 'url' in userKeys ? userKeys.url : describeKeySource(userKeys),
      signingKey: describeKeySource(config.signingKey),
    },
  };
}
