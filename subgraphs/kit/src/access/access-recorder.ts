/**
 * Collects, while one request runs, which personal fields it read and whose: the audit trail
 * gets one record per request with all of them, so auditing costs one insert, not one per row.
 */
export class AccessRecorder {
  private readonly subjects = new Set<string>();
  private readonly fields = new Set<string>();
  /** Rows whose subjects are recorded already: a row's other fields add only their names. */
  private readonly rowsRecorded = new WeakSet<object>();

  record(field: string, subjects: readonly string[]): void {
    this.fields.add(field);
    for (const subject of subjects) this.subjects.add(subject);
  }

  /**
   * Records `field` read of `row`, whose subjects `subjectsOf` names: worked out once per row
   * however many of its fields are read (a hundred-row page reads about ten fields of each).
   */
  recordOf<TRow>(field: string, row: TRow, subjectsOf: (row: TRow) => readonly string[]): void {
    this.fields.add(field);
    if (typeof row !== 'object' || row === null) return this.record(field, subjectsOf(row));
    if (this.rowsRecorded.has(row)) return;
    this.rowsRecorded.add(row);
    for (const subject of subjectsOf(row)) this.subjects.add(subject);
  }

  /** What was read, sorted so equal requests give equal records; null when nothing personal was. */
  summary(): { subjects: string[]; fields: string[] } | null {
    if (this.fields.size === 0) return null;
    return { subjects: [...this.subjects].sort(), fields: [...this.fields].sort() };
  }
}
