import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { describeError, type Logger } from '@jembatan/kit/log';

export interface FailSoftCacheOptions {
  logger: Logger;
  /** Each command the store failed: a counter for metrics. */
  onFailure?: () => void;
}

/**
 * A cache whose store may go away (Redis): a failed read is a miss and a failed write is
 * skipped, so the gateway answers from the subgraphs instead of failing the request. One log line
 * when the store stops answering and one when it answers again, not one per request.
 */
export class FailSoftCache implements KeyValueCache<string> {
  private available = true;

  constructor(
    private readonly store: KeyValueCache<string>,
    private readonly options: FailSoftCacheOptions,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return this.attempt(() => this.store.get(key), undefined);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.attempt(() => this.store.set(key, value, options), undefined);
  }

  async delete(key: string): Promise<boolean> {
    return this.attempt(async () => (await this.store.delete(key)) !== false, false);
  }

  private async attempt<T>(command: () => Promise<T>, fallback: T): Promise<T> {
    try {
      const result = await command();
      if (!this.available) {
        this.available = true;
        this.options.logger.info('response cache available again');
      }
      return result;
    } catch (error) {
      this.options.onFailure?.();
      if (this.available) {
        this.available = false;
        this.options.logger.warn('response cache unavailable; answering without it until it returns', {
          ...describeError(error),
        });
      }
      return fallback;
    }
  }
}
