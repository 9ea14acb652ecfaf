import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Runs `ip` and throws with what it printed. */
export function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const CAP_NET_ADMIN = 12;
const CAP_SYS_ADMIN = 21;

/**
 * Why network namespaces cannot be made here, or undefined when they can: `ip netns add` needs
 * CAP_NET_ADMIN and CAP_SYS_ADMIN (it mounts the namespace), as root has them on CI.
 */
export function missingNetworkCapability(): string | undefined {
  const effective = /^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  const capabilities = BigInt(`0x${effective ?? '0'}`);
  for (const [bit, name] of [
    [CAP_NET_ADMIN, 'CAP_NET_ADMIN'],
    [CAP_SYS_ADMIN, 'CAP_SYS_ADMIN'],
  ] as const) {
    if ((capabilities & (1n << BigInt(bit))) === 0n) return `no ${name}: network namespaces need root (as CI runs)`;
  }
  return undefined;
}

export interface Host {
  /** The network namespace, e.g. `jb-1a2b3c-gw1`. */
  namespace: string;
  /** Its one address on the cluster's private network. */
  address: string;
  /** The root side of its veth pair: down cuts the host off. */
  link: string;
}

/**
 * One private /24 (10.231.x.0, x drawn per run) on a bridge in the root namespace, which is the
 * client's and the data services' host (.1); each other host a network namespace of its own
 * with a veth pair into the bridge. Names carry a run id so parallel runs never meet.
 */
export class ClusterNetwork {
  readonly hosts = new Map<string, Host>();
  private constructor(
    readonly id: string,
    readonly bridge: string,
    readonly prefix: string,
  ) {}

  get rootAddress(): string {
    return `${this.prefix}.1`;
  }

  static create(id: string): ClusterNetwork {
    const taken = ip('-4', 'route', 'show');
    const candidates = Array.from({ length: 256 }, (_, x) => `10.231.${x}`).filter(
      (prefix) => !taken.includes(`${prefix}.`),
    );
    const prefix = candidates[Math.floor(Math.random() * candidates.length)];
    if (!prefix) throw new Error('no free 10.231.x.0/24 for the cluster network');
    const network = new ClusterNetwork(id, `jbr${id}`, prefix);
    ip('link', 'add', network.bridge, 'type', 'bridge');
    ip('addr', 'add', `${network.rootAddress}/24`, 'dev', network.bridge);
    ip('link', 'set', network.bridge, 'up');
    return network;
  }

  /** A new host named `name` at `.<octet>`. */
  addHost(name: string, octet: number): Host {
    const namespace = `jb-${this.id}-${name}`;
    const link = `jb${this.id}h${octet}`;
    const peer = `jb${this.id}p${octet}`;
    const address = `${this.prefix}.${octet}`;
    ip('netns', 'add', namespace);
    ip('link', 'add', link, 'type', 'veth', 'peer', 'name', peer);
    ip('link', 'set', peer, 'netns', namespace);
    ip('-n', namespace, 'link', 'set', peer, 'name', 'eth0');
    ip('-n', namespace, 'addr', 'add', `${address}/24`, 'dev', 'eth0');
    ip('-n', namespace, 'link', 'set', 'eth0', 'up');
    ip('-n', namespace, 'link', 'set', 'lo', 'up');
    ip('link', 'set', link, 'master', this.bridge, 'up');
    const host = { namespace, address, link };
    this.hosts.set(name, host);
    return host;
  }

  host(name: string): Host {
    const host = this.hosts.get(name);
    if (!host) throw new Error(`no host ${name}`);
    return host;
  }

  setLink(name: string, state: 'up' | 'down'): void {
    ip('link', 'set', this.host(name).link, state);
  }

  /** Removes every namespace (their veth pairs go with them) and the bridge; tolerant of half-made states. */
  destroy(): void {
    for (const host of this.hosts.values()) {
      try {
        ip('netns', 'delete', host.namespace);
      } catch {
        // Already gone.
      }
    }
    try {
      ip('link', 'delete', this.bridge);
    } catch {
      // Already gone.
    }
  }
}
