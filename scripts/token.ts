import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createUserTokenMinter, readGatewayConfig } from '@jembatan/gateway';
import { loadPrivateKey, ROLE_PURPOSES, ROLES, isRole, type Role } from '@jembatan/kit';
import { fail } from './exit-with';

const USAGE = `Usage: pnpm -s token --role <${ROLES.join('|')}> [--role …] [--subject NAME] [--agency ORG] [--hours N]

Mints a development user token, signed by the local identity provider whose key the gateway
generated under data/keys on its first start. Prints only the token, so:
  TOKEN=$(pnpm -s token --role analyst)
  curl -H "authorization: Bearer $TOKEN" -H "x-purpose: STATISTICS" -H 'content-type: application/json' \\
       -d '{"query":"{ workforceStatistics { workerCount } }"}' http://localhost:4000/graphql
Refused in production, where tokens come from the real identity provider.`;

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string', multiple: true, default: [] },
        subject: { type: 'string' },
        agency: { type: 'string', default: 'jembatan-dev' },
        hours: { type: 'string', default: '8' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) fail(USAGE, 0);
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    fail(`${roles.length === 0 ? '--role is required' : `unknown role ${unknown.join(', ')}`}\n\n${USAGE}`, 2);
  }
  const config = readGatewayConfig(process.env);
  // The gateway refuses tokens that live longer than it allows, so none is minted.
  const maxHours = config.auth.maxTokenLifetimeSeconds / 3600;
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > maxHours) {
    fail(`--hours must be a number of hours from 0 to ${maxHours} (AUTH_MAX_TOKEN_LIFETIME_SECONDS)`, 2);
  }

  if (config.production || !('generateAt' in config.auth.userKeys)) {
    fail('pnpm token mints development tokens only; this gateway trusts a real identity provider.', 1);
  }
  const mint = await createUserTokenMinter(await loadPrivateKey(config.auth.userKeys), config.auth);
  const caller = {
    subject: values.subject ?? `dev-${roles.join('-')}`,
    agency: values.agency!,
    roles: roles as Role[],
  };
  console.log(await mint(caller, Math.round(hours * 3600)));
  const purposes = [...new Set(caller.roles.flatMap((role) => ROLE_PURPOSES[role]))];
  console.error(
    `token for ${caller.subject} (${roles.join(', ')}), valid ${hours} h; X-Purpose may be ${purposes.join(', ')}`,
  );
}

main().catch((error: unknown) => fail(String((error as Error).stack ?? error), 1));
