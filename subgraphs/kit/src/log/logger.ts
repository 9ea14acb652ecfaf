import { pino, type Logger as PinoLogger } from 'pino';
import { requestLogFields } from './request-log-fields';
import { maskPersonalNumbers } from './personal-numbers';

/** Structured JSON logs, one line per event. Callers pass ids and counts, never personal data. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A service's logger: `child` binds fields (a component name, say) to every line it writes. */
export interface ServiceLogger extends Logger {
  child(bindings: Record<string, unknown>): ServiceLogger;
}

/**
 * The line's own fields, message first so a person reading the log sees it before the details
 * (pino would write its message key last). Text is masked (see maskPersonalNumbers); a field
 * named `message` cannot replace the message.
 */
function lineFields(message: string, fields: Record<string, unknown> | undefined): Record<string, unknown> {
  const line: Record<string, unknown> = { message: maskPersonalNumbers(message) };
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (key !== 'message') line[key] = typeof value === 'string' ? maskPersonalNumbers(value) : value;
  }
  return line;
}

function wrap(logger: PinoLogger): ServiceLogger {
  return {
    info: (message, fields) => logger.info(lineFields(message, fields)),
    warn: (message, fields) => logger.warn(lineFields(message, fields)),
    error: (message, fields) => logger.error(lineFields(message, fields)),
    child: (bindings) => wrap(logger.child(bindings)),
  };
}

/**
 * A pino logger writing one JSON object per line: `level` (as a word), `time` (ISO 8601),
 * `service`, the request's `requestId` and `traceId` when the line is written while serving a
 * request, `message`, then the caller's fields. By default it writes to stdout synchronously,
 * so the last lines before `process.exit` (a failed start, a shutdown) are never lost.
 */
export function createLogger(service: string, write?: (line: string) => void): ServiceLogger {
  const destination = write ? { write } : pino.destination({ dest: 1, sync: true });
  return wrap(
    pino(
      {
        base: { service },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        mixin: requestLogFields,
      },
      destination,
    ),
  );
}

export const silentLogger: ServiceLogger = { info() {}, warn() {}, error() {}, child: () => silentLogger };

/** Error details for a log line: message and stack, without any request data. */
export function describeError(error: unknown): Record<string, unknown> {
  const subgraph = subgraphErrorOf(error);
  if (subgraph) return subgraph;
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  if (isErrorJson(error)) return { error: error.message, ...codeOf(error) };
  return { error: String(error) };
}

interface ErrorJson {
  message: string;
  extensions?: { code?: unknown };
}

const isErrorJson = (value: unknown): value is ErrorJson =>
  typeof value === 'object' && value !== null && typeof (value as ErrorJson).message === 'string';

const codeOf = (error: ErrorJson): { code?: string } =>
  typeof error.extensions?.code === 'string' ? { code: error.extensions.code } : {};

/**
 * A subgraph's error as @apollo/gateway hands it on: an error whose `extensions.serviceName`
 * names the subgraph and whose `originalError` is the subgraph's error as the JSON it sent. Its
 * own code (or, when it sent none, the gateway's name for it) and message tell an operator
 * where to look; the stack would only show the gateway's plumbing, and the subgraph logs its own.
 */
function subgraphErrorOf(error: unknown): Record<string, unknown> | undefined {
  if (!(error instanceof Error) || !('extensions' in error)) return undefined;
  const extensions = error.extensions as { serviceName?: unknown; code?: unknown } | undefined;
  if (typeof extensions?.serviceName !== 'string') return undefined;
  const sent = 'originalError' in error && isErrorJson(error.originalError) ? error.originalError : undefined;
  const code = (sent && codeOf(sent).code) ?? (typeof extensions.code === 'string' ? extensions.code : undefined);
  return { error: sent?.message ?? error.message, subgraph: extensions.serviceName, ...(code ? { code } : {}) };
}
