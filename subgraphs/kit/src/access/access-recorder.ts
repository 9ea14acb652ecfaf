/**
 * Collects, while one request runs, which personal fields it read and whose: the audit trail
 * gets one record per request with all of them, so auditing costs one insert, not one per row.
 */
export class AccessRecorder {
  private readonly subjects = new Set<string>();
  private readonly fields = new Set<string>();

  record(field: string, subjects: readonly string[]): void {
    this.fields.add(field);
    for (const subject of subjects) this.subjects.add(subject);
  }

  /** What was read, sorted so equal requests give equal records; null when nothing personal was. */
  summary(): { subjects: string[]; fields: string[] } | null {
    if (this.fields.size === 0) return null;
    return { subjects: [...this.subjects].sort(), fields: [...this.fields].sort() };
  }
}
