/**
 * Polls until `read` returns what `done` accepts, at most `timeoutMs`, and returns the last value
 * read (undefined if every read failed), for the test to assert on: a timeout fails on the
 * assertion that shows what was there, not on a bare "timed out".
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if ((value !== undefined && done(value)) || Date.now() > deadline) return value as T;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
