/**
 * What the last answer for each key was, for the most recently used keys only: a busy gateway
 * sees endless distinct variables, and forgetting a key costs no more than one unshared fetch.
 */
export class BoundedVerdicts<TVerdict = boolean> {
  private readonly verdicts = new Map<string, TVerdict>();

  constructor(private readonly maxKeys: number) {}

  get(key: string): TVerdict | undefined {
    return this.verdicts.get(key);
  }

  set(key: string, verdict: TVerdict): void {
    // Re-inserted, so the Map's insertion order is the order of last use.
    this.verdicts.delete(key);
    this.verdicts.set(key, verdict);
    if (this.verdicts.size > this.maxKeys) this.verdicts.delete(this.verdicts.keys().next().value!);
  }
}
