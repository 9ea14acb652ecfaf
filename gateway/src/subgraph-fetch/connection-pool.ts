import { Agent } from 'undici';

/**
 * The keep-alive connections to one subgraph. Bounded, unlike Node's and Apollo's default
 * (Infinity): a burst of client traffic queues here instead of opening hundreds of sockets to an
 * agency. The connections stay open between fetches; the subgraphs keep theirs for 65 s, and
 * we let go of an idle one sooner, so we never send on a connection the subgraph is closing.
 */
export function createConnectionPool(maxConnections: number): Agent {
  return new Agent({
    connections: maxConnections,
    keepAliveTimeout: 30_000,
    // A subgraph's `Keep-Alive: timeout=…` hint may lengthen that, but never past its own 65 s.
    keepAliveMaxTimeout: 60_000,
    // The fetch's own deadline (an AbortSignal) bounds each request; these only guard sockets
    // that would otherwise hang for undici's default of five minutes if that signal were missing.
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
    connectTimeout: 10_000,
  });
}
