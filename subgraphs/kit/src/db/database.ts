import type { PGlite } from '@electric-sql/pglite';
import type { DataSource } from 'typeorm';
import type { StatementCounter } from './statement-counter';

export type DatabaseEngine = 'pglite' | 'postgres';

/** A subgraph's own database, whichever engine runs it. */
export interface Database {
  readonly engine: DatabaseEngine;
  readonly dataSource: DataSource;
  readonly statements: StatementCounter;
  /** The in-process PGlite, for bulk loads that must not go through the socket (COPY). */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}
