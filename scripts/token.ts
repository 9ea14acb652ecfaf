import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { createUserTokenMinter, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, readGatewayConfig } from '@jembatan/gateway';
import { loadPrivateKey, ROLE_PURPOSES, ROLES, isRole, validateUnitCode, type JWK, type Role } from '@jembatan/kit';
import { fail } from './exit-with';
import { TEST_IDP_ISSUER } from './keys/environment-to-set';

const USAGE = `Usage: pnpm -s token --role <${ROLES.join('|')}> [--role …] [--subject NAME] [--agency ORG] [--hours N]
                     [--unit CODE …] [--key FILE]

Mints a development user token, signed by the local identity provider whose key the gateway
generated under data/keys on its first start. Prints only the token, so:
  TOKEN=$(pnpm -s token --role analyst)
  curl -H "authorization: Bearer $TOKEN" -H "x-purpose: STATISTICS" -H 'content-type: application/json' \\
       -d '{"query":"{ workforceStatistics { workerCount } }"}' http://localhost:4000/graphql

--unit CODE (repeatable) makes a unit's HR officer: the token's units claim, and registry changes and
enrolments only for those units (e.g. --role dki_hr --unit KEC-317401). Without it, the whole province.

--key FILE signs with the stand-in identity provider that \`pnpm keys\` writes (test-idp.private.jwk.json),
as issuer ${TEST_IDP_ISSUER}: for trying a production gateway started with AUTH_ISSUER=${TEST_IDP_ISSUER}
and AUTH_JWKS_PATH=<keys>/test-idp.jwks.json. Real production tokens come from your identity provider.`;

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string', multiple: true, default: [] },
        subject: { type: 'string' },
        agency: { type: 'string', default: 'jembatan-dev' },
        hours: { type: 'string', default: '8' },
        unit: { type: 'string', multiple: true },
        key: { type: 'string' },
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
  const units = values.unit;
  const badUnits = (units ?? []).filter((unit) => !validateUnitCode(unit).ok);
  if (badUnits.length > 0) {
    fail(`--unit takes a unit code such as KEC-317401 or DINKES, not ${badUnits.join(', ')}\n\n${USAGE}`, 2);
  }
  const signer = values.key ? await testIdentityProvider(values.key) : await developmentIdentityProvider();
  // The gateway refuses tokens that live longer than it allows, so none is minted.
  const maxHours = signer.maxLifetimeSeconds / 3600;
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > maxHours) {
    fail(
      `--hours must be more than 0 and at most ${maxHours} (AUTH_MAX_TOKEN_LIFETIME_SECONDS), e.g. --hours 8; got ${values.hours}`,
      2,
    );
  }
  const mint = await createUserTokenMinter(signer.key, signer);
  const caller = {
    subject: values.subject ?? `dev-${roles.join('-')}`,
    agency: values.agency!,
    roles: roles as Role[],
    ...(units ? { units } : {}),
  };
  console.log(await mint(caller, Math.round(hours * 3600)));
  const purposes = [...new Set(caller.roles.flatMap((role) => ROLE_PURPOSES[role]))];
  console.error(
    `token for ${caller.subject} (${roles.join(', ')}${units ? `; units ${units.join(', ')}` : ''}), valid ${hours} h; X-Purpose may be ${purposes.join(', ')}`,
  );
}

interface Signer {
  key: JWK;
  issuer: string;
  audience: string;
  maxLifetimeSeconds: number;
}

/** The local identity provider a development gateway generated and trusts. */
async function developmentIdentityProvider(): Promise<Signer> {
  if (process.env.NODE_ENV === 'production') {
    fail(
      `pnpm token mints development tokens, and NODE_ENV is production. To try a production gateway, start it with\nAUTH_ISSUER=${TEST_IDP_ISSUER} and AUTH_JWKS_PATH=<keys>/test-idp.jwks.json, then mint with --key <keys>/test-idp.private.jwk.json\n(the folder \`pnpm keys --out <keys>\` wrote). Real callers get their tokens from your identity provider.`,
      1,
    );
  }
  const config = readGatewayConfig(process.env);
  if (!('generateAt' in config.auth.userKeys)) {
    fail(
      "This gateway trusts a real identity provider (AUTH_JWKS_URL or AUTH_JWKS_PATH), so a development token would be refused; use --key with the provider's test key, or get a token from the provider.",
      1,
    );
  }
  return {
    key: await loadPrivateKey(config.auth.userKeys),
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    maxLifetimeSeconds: config.auth.maxTokenLifetimeSeconds,
  };
}

/** The stand-in identity provider of `pnpm keys`, for trying a production gateway. */
async function testIdentityProvider(file: string): Promise<Signer> {
  let key: JWK;
  try {
    key = JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch (error) {
    fail(
      `--key ${file}: cannot read a private JWK there (${(error as Error).message}); pass test-idp.private.jwk.json from the folder \`pnpm keys\` wrote`,
      2,
    );
  }
  if (typeof key.d !== 'string')
    fail(`--key ${file} holds no private key: pass test-idp.private.jwk.json, not the .jwks.json`, 2);
  const lifetime = Number(process.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS || DEFAULT_MAX_TOKEN_LIFETIME_SECONDS);
  return {
    key,
    issuer: TEST_IDP_ISSUER,
    audience: process.env.AUTH_AUDIENCE || 'jembatan',
    maxLifetimeSeconds: Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  };
}

// A configuration or key problem is the operator's to fix: its message, never a stack trace.
main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
