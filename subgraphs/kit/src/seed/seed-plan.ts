import type { TableRows } from './table-rows';

/**
 * The SQL a seed runs, all of it inside one transaction, the same on both engines. Rows always go
 * in with COPY; nothing is inserted row by row.
 */
export interface SeedSql {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
}

/** Work done inside the database after the rows land: bulk generation, indexes, summaries. */
export interface SeedStep {
  label: string;
  /** Rows the step writes (or scans), to weigh it in the progress bar and the ETA. */
  estimatedRows: number;
  run(sql: SeedSql): Promise<void>;
}

/** What a subgraph loads for one preset: rows built in Node, then steps run in the database. */
export interface SeedPlan {
  tables: readonly TableRows[];
  steps: readonly SeedStep[];
}

/** The presets a subgraph can load, and how. */
export interface SeedCatalog {
  presets: readonly string[];
  /** Presets too large for the embedded engine. */
  postgresOnly: readonly string[];
  /** Every table a seed writes; a reset or a repair empties them all before loading. */
  tables: readonly string[];
  plan(preset: string): SeedPlan;
}

/** Where a load stands; `preparing` comes just before the plan's rows are built in Node. */
export type SeedPhase = 'opening' | 'preparing' | 'loading' | 'indexing' | 'counting' | 'analyzing';

export interface SeedProgress {
  phase: SeedPhase;
  /** What is being done now, e.g. "bpjs: enrollment". */
  label: string;
  done: number;
  total: number;
}
