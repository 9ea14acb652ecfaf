import type { CacheHint, CachePolicy } from './incoming-fetch';

/**
 * A cache policy that only remembers what a subgraph fetch told it: handed to the data source in
 * place of the request's own policy, so that one fetch's `Cache-Control` can be read as a whole
 * and then passed on to every request that shares its answer. Narrows as Apollo's does.
 */
export class RecordingCachePolicy implements CachePolicy {
  maxAge?: number;
  scope?: CacheHint['scope'];

  restrict(hint: CacheHint): void {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge))
      this.maxAge = hint.maxAge;
    if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
  }

  replace(hint: CacheHint): void {
    if (hint.maxAge !== undefined) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined) this.scope = hint.scope;
  }

  policyIfCacheable(): Required<CacheHint> | null {
    if (this.maxAge === undefined || this.maxAge <= 0) return null;
    return { maxAge: this.maxAge, scope: this.scope ?? 'PUBLIC' };
  }

  /** True only when the subgraph said, in so many words, that the answer is public for a while. */
  declaredPublic(): boolean {
    return this.maxAge !== undefined && this.maxAge > 0 && this.scope === 'PUBLIC';
  }

  /** Passes what was recorded on to a request's own policy, as the fetch would have. */
  applyTo(policy: CachePolicy): void {
    if (this.maxAge !== undefined || this.scope !== undefined)
      policy.restrict({ maxAge: this.maxAge, scope: this.scope });
  }
}
