import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * Unique key prefixes on the shared Redis for one spec, so parallel runs never collide, with the
 * keys under them deleted when the spec is done.
 */
export function redisKeyPrefixes(redisUrl: string, namespace: string) {
  const probe = new Redis(redisUrl, { lazyConnect: true });
  const prefixes: string[] = [];
  return {
    probe,
    next(): string {
      const prefix = `jembatan-test:${namespace}:${randomUUID()}`;
      prefixes.push(prefix);
      return prefix;
    },
    async cleanUp(): Promise<void> {
      for (const prefix of prefixes) {
        const keys = await probe.keys(`${prefix}:*`);
        if (keys.length > 0) await probe.del(...keys);
      }
      probe.disconnect();
    },
  };
}
