import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { KeyBatchQueue } from '../inbox/key-batch-queue';

interface Item {
  key: string;
  n: number;
}

function recordingQueue(concurrency: number, maxBatch: number) {
  const batches: Item[][] = [];
  let running = 0;
  let mostAtOnce = 0;
  const queue = new KeyBatchQueue<Item, string>({
    concurrency,
    maxBatch,
    keyOf: (item) => item.key,
    async run(items) {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      batches.push([...items]);
      await sleep(5);
      running -= 1;
      return items.map((item) => `${item.key}#${item.n}`);
    },
  });
  return { queue, batches, mostAtOnce: () => mostAtOnce };
}

describe('KeyBatchQueue', () => {
  it('gathers what arrives together into one batch, one item per key, and answers each item', async () => {
    const { queue, batches } = recordingQueue(2, 100);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => queue.submit({ key: `k${n % 10}`, n })));
    expect(answers[13]).toBe('k3#13');
    // Three items per key: three rounds, each with every key once.
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 10]);
    for (const batch of batches) expect(new Set(batch.map((item) => item.key)).size).toBe(batch.length);
  });

  it("keeps each key's items in submission order, across batches", async () => {
    const { queue, batches } = recordingQueue(3, 7);
    await Promise.all(Array.from({ length: 60 }, (_, n) => queue.submit({ key: `k${n % 4}`, n })));
    const order = new Map<string, number[]>();
    for (const item of batches.flat()) order.set(item.key, [...(order.get(item.key) ?? []), item.n]);
    for (const ns of order.values()) expect(ns).toEqual([...ns].sort((a, b) => a - b));
    expect(batches.flat()).toHaveLength(60);
  });

  it('runs at most `concurrency` batches at once, each at most maxBatch items', async () => {
    const { queue, batches, mostAtOnce } = recordingQueue(2, 5);
    await Promise.all(Array.from({ length: 100 }, (_, n) => queue.submit({ key: `k${n}`, n })));
    expect(mostAtOnce()).toBe(2);
    expect(Math.max(...batches.map((batch) => batch.length))).toBe(5);
    expect(batches.flat()).toHaveLength(100);
  });

  it('rejects the items of a failed batch and goes on with the rest; idle waits for all', async () => {
    let calls = 0;
    const queue = new KeyBatchQueue<Item, number>({
      concurrency: 1,
      maxBatch: 2,
      keyOf: (item) => item.key,
      async run(items) {
        calls += 1;
        if (calls === 1) throw new Error('first batch fails');
        return items.map((item) => item.n);
      },
    });
    const settled = Array.from({ length: 4 }, (_, n) => queue.submit({ key: `k${n}`, n }));
    await queue.idle();
    expect(await Promise.allSettled(settled)).toMatchObject([
      { status: 'rejected' },
      { status: 'rejected' },
      { status: 'fulfilled', value: 2 },
      { status: 'fulfilled', value: 3 },
    ]);
  });
});
