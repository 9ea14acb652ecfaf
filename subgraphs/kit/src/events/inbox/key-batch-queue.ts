interface Waiting<T, R> {
  item: T;
  key: string;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface KeyBatchQueueOptions<T, R> {
  /** Batches running at once; each holds a database connection while it runs. */
  concurrency: number;
  /** Items in one batch at most. */
  maxBatch: number;
  keyOf(item: T): string;
  /** Runs one batch; answers each item's result, in the batch's order. */
  run(items: readonly T[]): Promise<readonly R[]>;
}

/**
 * Gathers items submitted meanwhile into batches of distinct keys: a key's items run one after
 * another in the order they were submitted (a later one waits while an earlier one is in a
 * running batch), items of other keys go ahead together. What arrives while batches run is
 * gathered into the next: under a burst the batches grow, when it is quiet an item runs alone.
 */
export class KeyBatchQueue<T, R> {
  private readonly waiting: Waiting<T, R>[] = [];
  private readonly running = new Set<string>();
  private batches = 0;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: KeyBatchQueueOptions<T, R>) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, key: this.options.keyOf(item), resolve, reject });
      // Items submitted in the same turn (a fetched batch of messages) go into one batch.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Settles once every item submitted so far has. */
  idle(): Promise<void> {
    if (this.waiting.length === 0 && this.batches === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.batches < this.options.concurrency) {
      const batch = this.take();
      if (batch.length === 0) break;
      void this.start(batch);
    }
    if (this.waiting.length === 0 && this.batches === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** The first waiting item of each key not running, in submission order, up to maxBatch. */
  private take(): Waiting<T, R>[] {
    const batch: Waiting<T, R>[] = [];
    const taken = new Set<string>();
    const left: Waiting<T, R>[] = [];
    for (const entry of this.waiting) {
      if (batch.length < this.options.maxBatch && !this.running.has(entry.key) && !taken.has(entry.key)) {
        batch.push(entry);
        taken.add(entry.key);
      } else {
        // A key's later items stay behind its first: taken now, or running, or the batch is full.
        taken.add(entry.key);
        left.push(entry);
      }
    }
    this.waiting.length = 0;
    for (const entry of left) this.waiting.push(entry);
    return batch;
  }

  private async start(batch: Waiting<T, R>[]): Promise<void> {
    this.batches += 1;
    for (const entry of batch) this.running.add(entry.key);
    try {
      const results = await this.options.run(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      for (const entry of batch) this.running.delete(entry.key);
      this.batches -= 1;
      this.pump();
    }
  }
}
