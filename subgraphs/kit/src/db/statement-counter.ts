import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts every SQL statement a data source sends. Tests use it to prove the absence of N+1
 * (statement counts must not grow with the number of rows), and it is the seam for per-request
 * SQL metrics later. It implements TypeORM's Logger directly because TypeORM calls
 * `logQuery` for every statement and leaves filtering to the logger.
 */
export class StatementCounter implements Logger {
  private total = 0;
  private readonly recent: string[] = [];

  constructor(private readonly keepRecent = 50) {}

  get count(): number {
    return this.total;
  }

  /** The last statements sent, newest last: what a failing N+1 test prints. */
  get lastStatements(): readonly string[] {
    return this.recent;
  }

  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.total += 1;
    this.recent.push(query);
    if (this.recent.length > this.keepRecent) this.recent.shift();
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
