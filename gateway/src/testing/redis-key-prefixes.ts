import { Redis } from 'ioredis';
import { testRedisPrefix } from '@jembatan/kit/testing';

/**
 * Key prefixes on the shared Redis for one spec, named for this test run (so parallel runs never
 * collide and a killed run's keys are swept by the next), with the keys under them deleted when
 * the spec is done.
 */
export function redisKeyPrefixes(redisUrl: string, label: string) {
  const probe = new Redis(redisUrl, { lazyConnect: true });
  const prefixes: string[] = [];
  return {
    probe,
    next(): string {
      const prefix = testRedisPrefix(label);
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
