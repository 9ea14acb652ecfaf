/**
 * `@jembatan/kit/tracing`: kept apart from the kit's main entry, which loads `pg` and the Apollo
 * packages, so that a service can start tracing before any of them is required. Tests trace into
 * memory through `@jembatan/kit/tracing/in-memory`, kept apart too: it loads the SDK, which a
 * service that does not trace should not.
 */
export { SpanKind } from '@opentelemetry/api';
export type { ReadableSpan } from '@opentelemetry/sdk-trace';
export * from './active-trace';
export * from './start-tracing';
export * from './tracing-requested';
export { REQUEST_ID_SPAN_ATTRIBUTE } from '../request-scope/request-id-attribute';
