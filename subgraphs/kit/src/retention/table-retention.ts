/** How long a table keeps rows that only serve for a while, and the statement that lets the older go. */
export interface TableRetention {
  table: string;
  /** What the rows are, for the log: "expired idempotency records". */
  what: string;
  /** A PostgreSQL interval: '7 days'. */
  retention: string;
  /** One DELETE of what is past the retention. */
  purgeSql: string;
}
