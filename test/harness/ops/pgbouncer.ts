import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { ensureDebianPackage } from '../debian-package';
import { freePort } from '../free-port';

export interface PgBouncerOptions {
  /**
   * A folder of the test's own for the configuration, log and pid file, directly under the
   * temporary folder (the `postgres` user it runs as must reach it).
   */
  folder: string;
  /** The PostgreSQL server behind it (trust authentication, as the test server has). */
  server: { host: string; port: number };
  /** Each name clients ask for → the database on the server. */
  databases: Record<string, string>;
  /** Server connections per database and user: small, so clients really share them. */
  poolSize: number;
  /** Where it listens; loopback by default. */
  host?: string;
}

/**
 * A private PgBouncer (Debian's `pgbouncer`) in transaction pooling mode, as operators run it in
 * front of PostgreSQL: its own configuration, port, log and pid file in the test's folder, no
 * Unix socket, nothing of the system's. As root it drops to `postgres` (`-u`), as it must.
 */
export class PgBouncer {
  private constructor(
    private readonly child: ChildProcess,
    readonly host: string,
    readonly port: number,
    private readonly output: () => string,
  ) {}

  static async start(options: PgBouncerOptions): Promise<PgBouncer> {
    await ensureDebianPackage('/usr/sbin/pgbouncer', 'pgbouncer');
    mkdirSync(options.folder, { recursive: true });
    chmodSync(options.folder, 0o777);
    const host = options.host ?? '127.0.0.1';
    const port = await freePort();
    const databases = Object.entries(options.databases).map(
      ([name, database]) =>
        `${name} = host=${options.server.host} port=${options.server.port} dbname=${database} user=postgres`,
    );
    const ini = join(options.folder, 'pgbouncer.ini');
    const users = join(options.folder, 'userlist.txt');
    writeFileSync(users, '"postgres" ""\n', { mode: 0o644 });
    writeFileSync(
      ini,
      [
        '[databases]',
        ...databases,
        '[pgbouncer]',
        `listen_addr = ${host}`,
        `listen_port = ${port}`,
        "unix_socket_dir = ''",
        'pool_mode = transaction',
        'auth_type = trust',
        `auth_file = ${users}`,
        `default_pool_size = ${options.poolSize}`,
        'max_client_conn = 500',
        'server_reset_query =',
        `logfile = ${join(options.folder, 'pgbouncer.log')}`,
        `pidfile = ${join(options.folder, 'pgbouncer.pid')}`,
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    const asRoot = process.getuid?.() === 0;
    const child = spawn('pgbouncer', [...(asRoot ? ['-u', 'postgres'] : []), ini], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const bouncer = new PgBouncer(child, host, port, () => output);
    const [name] = Object.keys(options.databases);
    for (let attempt = 0; ; attempt += 1) {
      if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}):\n${output}`);
      const client = new Client({ connectionString: bouncer.url(name!) });
      const answered = await client.connect().then(
        () => client.query('SELECT 1').then(() => true),
        () => false,
      );
      await client.end().catch(() => {});
      if (answered) return bouncer;
      if (attempt === 50) {
        await bouncer.stop();
        throw new Error(`pgbouncer did not answer on ${host}:${port}:\n${output}`);
      }
      await sleep(100);
    }
  }

  url(database: string): string {
    return `postgres://postgres@${this.host}:${this.port}/${database}`;
  }

  /** What it printed, for a failing test's message. */
  log(): string {
    return this.output();
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    // SIGINT: a safe shutdown, waiting for no client.
    this.child.kill('SIGINT');
    await Promise.race([exited, sleep(5_000).then(() => this.child.kill('SIGKILL'))]);
  }
}
