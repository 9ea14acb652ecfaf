/** The span attribute on each request's server span that finds its trace from a log line's `requestId`. */
export const REQUEST_ID_SPAN_ATTRIBUTE = 'jembatan.request_id';
