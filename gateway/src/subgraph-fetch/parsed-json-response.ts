import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Headers } from 'undici';

/** What RemoteGraphQLDataSource expects its fetcher to resolve to. */
export type FetcherResponse = Awaited<ReturnType<RemoteGraphQLDataSource['fetcher']>>;

/**
 * A subgraph's successful answer, already read and checked to be a JSON object within the
 * fetch's deadline, so that parsing it again can neither fail nor hang. It carries no URL: nothing
 * downstream can copy the subgraph's address into an error.
 */
export class ParsedJsonResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly url = '';
  readonly redirected = false;
  readonly ok = true;
  readonly statusText = '';

  constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly raw: string,
    private readonly parsed: object,
  ) {}

  async json(): Promise<object> {
    return this.parsed;
  }

  async text(): Promise<string> {
    return this.raw;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = new TextEncoder().encode(this.raw);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): ParsedJsonResponse {
    return new ParsedJsonResponse(this.status, new Headers(this.headers), this.raw, JSON.parse(this.raw) as object);
  }
}
