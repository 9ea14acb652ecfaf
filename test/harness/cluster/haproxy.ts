import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { HostProcess } from './host-process';
import type { Host } from './network';

export interface Backend {
  name: string;
  /** Where HAProxy listens for it, on its own host. */
  port: number;
  servers: { name: string; address: string; port: number }[];
  /**
   * What HAProxy may retry on another server. Subgraph queries may be retried after a response
   * timeout (a cut link); a gateway request only when it never reached one, or it died with
   * nothing sent (retrying anything that might have been answered is the client's call).
   */
  retryOn: string;
  /** How long a server may take to answer. */
  serverTimeout: string;
}

/** Health checks every 500 ms; two failures mark a server down, two successes up. */
export const CHECK_INTERVAL_MS = 500;
export const CHECK_FALL = 2;

/**
 * HAProxy (Debian's `haproxy`) as the cluster's load balancer: one frontend per backend, each
 * server health-checked on `/ready`, a new server connection per request (a draining service
 * closes its kept-alive ones), each answer naming its server in `x-served-by`.
 */
export function haproxyConfig(host: Host, backends: Backend[], statsSocket: string): string {
  const lines = [
    'global',
    `  stats socket ${statsSocket} mode 600 level admin`,
    '  maxconn 4000',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 30s',
    '  timeout queue 5s',
    '  timeout http-request 10s',
    '  option http-server-close',
    '  retries 3',
    '  option redispatch 1',
    `  default-server inter ${CHECK_INTERVAL_MS}ms fastinter ${CHECK_INTERVAL_MS / 2}ms downinter ${CHECK_INTERVAL_MS}ms fall ${CHECK_FALL} rise 2`,
  ];
  for (const backend of backends) {
    lines.push(
      `frontend ${backend.name}`,
      `  bind ${host.address}:${backend.port}`,
      `  default_backend ${backend.name}-servers`,
      `backend ${backend.name}-servers`,
      '  balance roundrobin',
      `  timeout server ${backend.serverTimeout}`,
      `  retry-on ${backend.retryOn}`,
      '  option httpchk GET /ready',
      '  http-check expect status 200',
      '  http-response set-header x-served-by %s',
      ...backend.servers.map((server) => `  server ${server.name} ${server.address}:${server.port} check`),
    );
  }
  return `${lines.join('\n')}\n`;
}

export class HaProxy {
  private constructor(
    readonly process: HostProcess,
    private readonly statsSocket: string,
  ) {}

  static start(host: Host, backends: Backend[], folder: string): HaProxy {
    const statsSocket = join(folder, 'haproxy.sock');
    const config = join(folder, 'haproxy.cfg');
    writeFileSync(config, haproxyConfig(host, backends, statsSocket));
    return new HaProxy(HostProcess.start('haproxy', host, 'haproxy', ['-db', '-f', config], {}), statsSocket);
  }

  /** A command on the stats socket (`show stat`, `show servers state`). */
  command(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      let answer = '';
      const socket = connect(this.statsSocket, () => socket.end(`${text}\n`));
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  /** `UP`, `DOWN`, `MAINT`… of each server of a backend, by name. */
  async serverStates(backend: string): Promise<Record<string, string>> {
    const csv = await this.command('show stat');
    const [header, ...rows] = csv.trim().split('\n');
    const columns = header!.replace(/^# /, '').split(',');
    const at = (row: string[], column: string) => row[columns.indexOf(column)]!;
    return Object.fromEntries(
      rows
        .map((row) => row.split(','))
        .filter(
          (row) => at(row, 'pxname') === `${backend}-servers` && !['FRONTEND', 'BACKEND'].includes(at(row, 'svname')),
        )
        .map((row) => [at(row, 'svname'), at(row, 'status').split(' ')[0]!]),
    );
  }
}
