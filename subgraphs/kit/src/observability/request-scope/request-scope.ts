import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one request is doing, reachable from anywhere it runs (a resolver, a DataLoader batch, a
 * TypeORM logger callback) without threading it through every signature: the log line's
 * request id, and the per-request costs the metrics report when the request ends.
 */
export interface RequestScope {
  readonly requestId: string;
  /** SQL statements sent while serving this request. */
  statements: number;
  /** Keys in each DataLoader batch this request resolved, in order. */
  readonly loaderBatchSizes: number[];
}

const storage = new AsyncLocalStorage<RequestScope>();

export function newRequestScope(requestId: string): RequestScope {
  return { requestId, statements: 0, loaderBatchSizes: [] };
}

/** The scope of the request this code runs for, or undefined outside any request (startup, timers). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Runs `work` and everything it starts asynchronously inside `scope`. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}
