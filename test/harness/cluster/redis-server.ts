import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';

/** A Redis of the cluster's own on the root host's private address, to kill and start again. */
export class ClusterRedis {
  private child: ChildProcess | undefined;
  constructor(
    readonly address: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://${this.address}:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        ...['--bind', this.address, '--port', String(this.port), '--save', '', '--appendonly', 'no'],
        // Protected mode refuses every address but loopback; this one is on the cluster's private network only.
        ...['--protected-mode', 'no'],
      ],
      { stdio: 'ignore' },
    );
    const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, enableOfflineQueue: false });
    probe.on('error', () => {});
    try {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        if (
          await probe.connect().then(
            () => probe.ping(),
            () => undefined,
          )
        )
          return;
        probe.disconnect();
        await sleep(100);
      }
      throw new Error(`redis-server did not start on ${this.url}`);
    } finally {
      probe.disconnect();
    }
  }

  /** Like a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
