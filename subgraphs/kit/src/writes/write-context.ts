import type { RequestContext } from '../context/request-context';

/** What a write needs from a request's context: who asks, why, what they may change, and the database. */
export type WriteContext = Pick<
  RequestContext<unknown>,
  'caller' | 'purpose' | 'requestId' | 'operationName' | 'dataSubject' | 'writes' | 'service' | 'database'
>;
