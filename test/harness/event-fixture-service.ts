import { connect } from 'node:net';
import { freePort } from './free-port';
import { startFixtureProcess, type FixtureProcess } from './fixture-process';

/** The fixture agency service of test/fixtures/event-service.ts, and what the fault tests ask of it. */
export interface EventFixtureService extends FixtureProcess {
  write(events: { type: string; orderingKey: string; payload: Record<string, unknown> }[]): Promise<string[]>;
  notes(): Promise<{ key: string; keySeq: number; note: string }[]>;
  parked(): Promise<{ id: string; code: string; reason: string; attempts: number }[]>;
  ready(): Promise<{ status: number; body: { status: string; checks: Record<string, { reason?: string }> } }>;
  /** One series of its /metrics, e.g. `jembatan_outbox_depth`, summed over its labels. */
  metric(name: string): Promise<number>;
}

export async function startEventFixture(env: Record<string, string>, port: number): Promise<EventFixtureService> {
  const origin = `http://127.0.0.1:${port}`;
  const process = await startFixtureProcess(
    { entry: 'test/fixtures/event-service.ts' },
    async () => (await fetch(`${origin}/metrics`)).ok,
    { ...env, FIXTURE_PORT: String(port), EVENTS_RELAY_POLL_MS: '50' },
    origin,
  );
  const getJson = async (path: string) => (await fetch(`${origin}${path}`)).json();
  return {
    ...process,
    async write(events) {
      const response = await fetch(`${origin}/write`, { method: 'POST', body: JSON.stringify({ events }) });
      if (!response.ok) throw new Error(`write failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { ids: string[] }).ids;
    },
    notes: () => getJson('/notes') as never,
    parked: () => getJson('/parked') as never,
    async ready() {
      const response = await fetch(`${origin}/ready`);
      return { status: response.status, body: (await response.json()) as never };
    },
    async metric(name) {
      const text = await (await fetch(`${origin}/metrics`)).text();
      return text
        .split('\n')
        .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
        .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
    },
  };
}

/**
 * A private NATS server with JetStream on a free port, with its own store: the shared one is never
 * stopped. On loopback unless given a host's private address (the cluster test's data host).
 */
export async function startPrivateNats(
  storeDir: string,
  port?: number,
  host = '127.0.0.1',
): Promise<FixtureProcess & { url: string; port: number }> {
  const natsPort = port ?? (await freePort());
  const accepting = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(natsPort, host, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
  const server = await startFixtureProcess(
    { binary: '/usr/sbin/nats-server', args: ['-js', '-a', host, '-p', String(natsPort), '-sd', storeDir] },
    accepting,
    {},
  );
  return { ...server, url: `nats://${host}:${natsPort}`, port: natsPort };
}
