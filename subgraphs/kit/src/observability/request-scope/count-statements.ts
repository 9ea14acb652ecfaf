import type { StatementCounter } from '../../db/statement-counter';
import { currentRequestScope } from './request-scope';

const attributed = new WeakSet<StatementCounter>();

/**
 * Attributes every statement a database's StatementCounter sees to the request that sent it.
 * TypeORM calls the counter (its logger) from inside the query's own async call chain, so the
 * request scope is still current there. The counter is the one object TypeORM calls for every
 * statement and its logger is fixed when the DataSource is built, so this wraps the instance's
 * `logQuery` rather than the DataSource. Wrapping twice (tests share a database between
 * services) would count twice, hence the guard.
 */
export function attributeStatementsToRequests(counter: StatementCounter): void {
  if (attributed.has(counter)) return;
  attributed.add(counter);
  const logQuery = counter.logQuery.bind(counter);
  counter.logQuery = (query, parameters, queryRunner) => {
    logQuery(query, parameters, queryRunner);
    const scope = currentRequestScope();
    if (scope) scope.statements += 1;
  };
}
