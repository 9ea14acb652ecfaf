type BatchObserver = (keys: number) => void;

let batchObserver: BatchObserver | undefined;

/**
 * Sets the one observer told the number of keys of every batch that goes through `oneByKey` or
 * `manyByKey` (every loader's batch function ends with one of them), for batch-size metrics.
 * Pass undefined to stop observing.
 */
export function observeLoaderBatches(observer: BatchObserver | undefined): void {
  batchObserver = observer;
}

/**
 * Orders a batch query's rows to match DataLoader's keys: one result per key, in key order,
 * `undefined` → null where no row matched. Every loader's batch function ends with this.
 */
export function oneByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  batchObserver?.(keys.length);
  const byKey = new Map<K, R>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Like `oneByKey` for one-to-many relations: every key gets its (possibly empty) list. */
export function manyByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  batchObserver?.(keys.length);
  const byKey = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((key) => byKey.get(key) ?? []);
}
