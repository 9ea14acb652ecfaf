import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/**
 * A Redis server of this test's own, on a free port, so it can be killed and started again: on
 * loopback, or on a private address of a test network (the cluster test's).
 */
export class DisposableRedis {
  private process: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    readonly host: string,
  ) {}

  static async onFreePort(host = '127.0.0.1'): Promise<DisposableRedis> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return new DisposableRedis(port, host);
  }

  get url(): string {
    return `redis://${this.host}:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', this.host, '--save', '', '--appendonly', 'no'];
    // Protected mode answers loopback only; a test network's address is private to the test.
    if (this.host !== '127.0.0.1') args.push('--protected-mode', 'no');
    this.process = spawn('redis-server', args, { stdio: 'ignore' });
    const client = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, enableOfflineQueue: false });
    client.on('error', () => {});
    try {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const answered = await client.connect().then(
          () => client.ping(),
          () => undefined,
        );
        if (answered) return;
        client.disconnect();
        await sleep(100);
      }
      throw new Error(`redis-server did not start on port ${this.port}`);
    } finally {
      client.disconnect();
    }
  }

  /** Like a crash: no shutdown, connections cut. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}
