/**
 * A summary table of sums over the rows of a source table, grouped by a key: workers per unit and
 * category, claims per year, region and programme. Statement-level triggers on the source add each
 * statement's change to it in the statement's own transaction, so it can never disagree with the
 * rows it sums, whoever writes them (a mutation, the seed's COPY, an operator's SQL).
 *
 * Per statement, not per row: a bulk load of 280,000 rows is one grouped upsert of a few hundred
 * summary rows, through the transition tables. The upsert takes its summary rows in key order, so
 * two statements touching the same keys queue on them rather than deadlock. Concurrent writes to
 * the same key wait for each other's commit: the price of a count that is always exact.
 */
export interface SummedTable {
  /** The table whose rows are summed, e.g. `worker`. */
  source: string;
  /** The summary table; its primary key must be exactly the `key` columns. */
  summary: string;
  /** Key columns of the summary, each with its SQL expression over a source row. */
  key: Readonly<Record<string, string>>;
  /** Summed columns of the summary, each with its SQL expression over a source row (`1` counts rows). */
  sums: Readonly<Record<string, string>>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checked(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return name;
}

/** The rows of `from` as (key…, sum…) changes, with sign 1 for rows added and -1 for rows removed. */
function changesOf(table: SummedTable, from: string, sign: 1 | -1): string {
  const keys = Object.entries(table.key).map(([column, expression]) => `${expression} AS ${column}`);
  const sums = Object.entries(table.sums).map(([column, expression]) => `${sign} * (${expression}) AS ${column}`);
  return `SELECT ${[...keys, ...sums].join(', ')} FROM ${from}`;
}

/** One grouped upsert adding the changes to the summary; groups whose sums all cancel are skipped. */
function addChanges(table: SummedTable, changes: string): string {
  const keys = Object.keys(table.key).map(checked).join(', ');
  const sums = Object.keys(table.sums).map(checked);
  return `
    INSERT INTO ${table.summary} AS summary (${keys}, ${sums.join(', ')})
    SELECT ${keys}, ${sums.map((column) => `sum(${column})`).join(', ')}
      FROM (${changes}) AS change
     GROUP BY ${keys}
    HAVING ${sums.map((column) => `sum(${column}) <> 0`).join(' OR ')}
     ORDER BY ${keys}
    ON CONFLICT (${keys}) DO UPDATE
       SET ${sums.map((column) => `${column} = summary.${column} + excluded.${column}`).join(', ')}`;
}

function triggerFunction(name: string, body: string): string {
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $summary$
    BEGIN
      ${body};
      RETURN NULL;
    END
  $summary$`;
}

/**
 * The statements that make `summary` follow `source`: a trigger function and trigger per event.
 * A migration runs them after creating the summary table, then fills it with `fillSummary`.
 */
export function summaryTriggers(table: SummedTable): string[] {
  const source = checked(table.source);
  const summary = checked(table.summary);
  const added = changesOf(table, 'added_rows', 1);
  const removed = changesOf(table, 'removed_rows', -1);
  return [
    triggerFunction(`${summary}_on_insert`, addChanges(table, added)),
    triggerFunction(`${summary}_on_update`, addChanges(table, `${added} UNION ALL ${removed}`)),
    triggerFunction(`${summary}_on_delete`, addChanges(table, removed)),
    triggerFunction(`${summary}_on_truncate`, `DELETE FROM ${summary}`),
    // PostgreSQL allows transition tables on single-event triggers only: one trigger per event.
    `CREATE TRIGGER ${summary}_on_insert AFTER INSERT ON ${source}
       REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION ${summary}_on_insert()`,
    `CREATE TRIGGER ${summary}_on_update AFTER UPDATE ON ${source}
       REFERENCING OLD TABLE AS removed_rows NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION ${summary}_on_update()`,
    `CREATE TRIGGER ${summary}_on_delete AFTER DELETE ON ${source}
       REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${summary}_on_delete()`,
    `CREATE TRIGGER ${summary}_on_truncate AFTER TRUNCATE ON ${source}
       FOR EACH STATEMENT EXECUTE FUNCTION ${summary}_on_truncate()`,
  ];
}

/**
 * Recomputes the summary from every source row. A migration runs it once, after the triggers
 * exist and with the source locked against writes, so no change falls between the two.
 */
export function fillSummary(table: SummedTable): string[] {
  const source = checked(table.source);
  const summary = checked(table.summary);
  return [
    `LOCK TABLE ${source} IN SHARE MODE`,
    `DELETE FROM ${summary}`,
    addChanges(table, changesOf(table, source, 1)),
  ];
}

/** Undoes `summaryTriggers` (dropping a function drops its trigger). */
export function dropSummaryTriggers(table: SummedTable): string[] {
  const summary = checked(table.summary);
  return ['insert', 'update', 'delete', 'truncate'].map((event) => `DROP FUNCTION ${summary}_on_${event}() CASCADE`);
}
