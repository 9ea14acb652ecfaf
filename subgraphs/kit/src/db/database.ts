import type { DataSource } from 'typeorm';
import type { EmbeddedSession } from './pglite-wire/embedded-session';
import type { StatementCounter } from './statement-counter';

export type DatabaseEngine = 'pglite' | 'postgres';

/** A subgraph's own database, whichever engine runs it. */
export interface Database {
  readonly engine: DatabaseEngine;
  readonly dataSource: DataSource;
  readonly statements: StatementCounter;
  /** The in-process PGlite session, for bulk loads that must not go through the socket (COPY). */
  readonly embeddedSession?: EmbeddedSession;
  close(): Promise<void>;
}
