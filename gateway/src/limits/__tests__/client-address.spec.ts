import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, trustedProxiesOf } from '../client-address';

const requestFrom = (socketAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: socketAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('the client address', () => {
  const none = trustedProxiesOf([]);
  const loadBalancers = trustedProxiesOf(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);

  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddressOf(requestFrom('203.0.113.9', '198.51.100.1'), none)).toBe('203.0.113.9');
    expect(clientAddressOf(requestFrom('::ffff:203.0.113.9'), none)).toBe('203.0.113.9');
  });

  it('is the socket address when that is not a trusted proxy', () => {
    expect(clientAddressOf(requestFrom('203.0.113.9', '198.51.100.1'), loadBalancers)).toBe('203.0.113.9');
  });

  it('is read from X-Forwarded-For behind trusted proxies: the rightmost address no trusted proxy stands for', () => {
    expect(clientAddressOf(requestFrom('10.1.2.3', '198.51.100.1'), loadBalancers)).toBe('198.51.100.1');
    // The client wrote the leftmost entry itself; the proxies appended the rest.
    expect(clientAddressOf(requestFrom('::ffff:10.1.2.3', '6.6.6.6, 198.51.100.1, 192.168.1.7'), loadBalancers)).toBe(
      '198.51.100.1',
    );
    expect(clientAddressOf(requestFrom('fd00::1', '2001:db8::5'), loadBalancers)).toBe('2001:db8::5');
  });

  it('stops at the last trusted hop when X-Forwarded-For is missing or holds no address', () => {
    expect(clientAddressOf(requestFrom('10.1.2.3'), loadBalancers)).toBe('10.1.2.3');
    expect(clientAddressOf(requestFrom('10.1.2.3', 'unknown, 192.168.1.7'), loadBalancers)).toBe('192.168.1.7');
  });

  it('refuses a trusted proxy that is not an address or block', () => {
    expect(() => trustedProxiesOf(['proxy.internal'])).toThrow(/not an IP address/);
    expect(() => trustedProxiesOf(['10.0.0.0/40'])).toThrow(/prefix length/);
  });
});
