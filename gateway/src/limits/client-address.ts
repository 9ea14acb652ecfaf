import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** The addresses whose X-Forwarded-For the gateway believes: its own load balancers and proxies. */
export type TrustedProxies = BlockList;

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** `::ffff:10.0.0.7` (an IPv4 client of a dual-stack socket) is `10.0.0.7`. */
const normalized = (address: string): string => address.replace(IPV4_MAPPED, '$1');

const familyOf = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 4 ? 'ipv4' : 'ipv6');

/** Why an entry of TRUSTED_PROXIES is not an address or a CIDR block, or undefined when it is one. */
export function trustedProxyProblem(entry: string): string | undefined {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return `"${entry}" is not an IP address or CIDR block`;
  if (prefix === undefined) return undefined;
  const bits = Number(prefix);
  const maxBits = version === 4 ? 32 : 128;
  return /^\d+$/.test(prefix) && bits <= maxBits ? undefined : `"${entry}" has a prefix length outside 0-${maxBits}`;
}

/** The trusted proxies from `10.0.0.0/8`, `192.168.1.7`, `fd00::/8`…; throws on an entry that is neither. */
export function trustedProxiesOf(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const problem = trustedProxyProblem(entry);
    if (problem) throw new Error(problem);
    const [address = '', prefix] = entry.split('/');
    if (prefix === undefined) list.addAddress(address, familyOf(address));
    else list.addSubnet(address, Number(prefix), familyOf(address));
  }
  return list;
}

/**
 * Who is at the other end: the socket's address, unless that is a trusted proxy, in which case
 * X-Forwarded-For is read from the right (each proxy appends the address it was called from),
 * skipping trusted proxies, to the first address no trusted proxy stands for. Entries left of
 * that were written by the client itself and prove nothing. With no trusted proxies (the
 * default), X-Forwarded-For is ignored: any client could write one.
 */
export function clientAddressOf(request: IncomingMessage, trusted: TrustedProxies): string {
  let address = normalized(request.socket.remoteAddress ?? 'unknown');
  const isTrusted = (candidate: string) => isIP(candidate) !== 0 && trusted.check(candidate, familyOf(candidate));
  if (!isTrusted(address)) return address;
  const header = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((hop) => hop.trim());
  for (const hop of hops.reverse()) {
    if (hop === '') continue;
    const candidate = normalized(hop);
    // Not an address: a proxy wrote nonsense or the client did; the last trusted hop is all we know.
    if (isIP(candidate) === 0) return address;
    address = candidate;
    if (!isTrusted(candidate)) return candidate;
  }
  return address;
}
