import { Socket } from 'node:net';
import { TEST_NAMESPACE, TEST_NATS_URL, TEST_POSTGRES_URL, TEST_REDIS_URL } from '@jembatan/kit/testing';
import { removeTestLeftovers } from './test-leftovers';

/** A killed run's leftovers are removed by the next run after this long; no run takes an hour. */
const LEFTOVER_AGE_MS = 60 * 60 * 1000;

interface Service {
  name: string;
  url: string;
  variable: string;
  howToStart: string;
}

const SERVICES: Service[] = [
  {
    name: 'PostgreSQL',
    url: TEST_POSTGRES_URL,
    variable: 'JEMBATAN_TEST_POSTGRES_URL',
    howToStart: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  },
  {
    name: 'Redis',
    url: TEST_REDIS_URL,
    variable: 'JEMBATAN_TEST_REDIS_URL',
    howToStart: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
  },
  {
    name: 'NATS with JetStream',
    url: TEST_NATS_URL,
    variable: 'JEMBATAN_TEST_NATS_URL',
    howToStart: 'nats-server -js -a 127.0.0.1 -p 4222 &',
  },
];

function reachable(url: string, timeoutMs = 2000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  const defaultPort = url.startsWith('redis') ? 6379 : 5432;
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || defaultPort), hostname.replace(/^\[|\]$/g, ''), () => done(true));
  });
}

/** Shared by every project's global setup in this process, so the run does this once. */
const state = ((
  globalThis as { __jembatanPreflight?: { checked?: Promise<void>; users: number } }
).__jembatanPreflight ??= { users: 0 });

/**
 * Before any test: fails fast, in one line per service, when PostgreSQL or Redis is not there
 * (instead of hundreds of red tests), and removes what killed runs left behind. After every test:
 * removes whatever this run's namespace still holds.
 */
export default async function preflight(): Promise<() => Promise<void>> {
  state.users += 1;
  state.checked ??= (async () => {
    const missing = (
      await Promise.all(SERVICES.map(async (service) => ((await reachable(service.url)) ? [] : [service])))
    ).flat();
    if (missing.length > 0) {
      const lines = missing.map(
        (service) =>
          `${service.name} is not reachable at ${service.url}: start it (${service.howToStart}) or point ${service.variable} at one.`,
      );
      throw new Error(`The tests need services that are not running:\n${lines.join('\n')}`);
    }
    const removed = await removeTestLeftovers({ olderThanMs: LEFTOVER_AGE_MS });
    if (Object.values(removed).some((count) => count > 0)) {
      console.log(`Removed what earlier test runs left behind: ${JSON.stringify(removed)}`);
    }
    console.log(`Test namespace: ${TEST_NAMESPACE} (JEMBATAN_TEST_NAMESPACE)`);
  })();
  await state.checked;
  return async () => {
    state.users -= 1;
    if (state.users === 0) await removeTestLeftovers({ namespace: TEST_NAMESPACE });
  };
}
