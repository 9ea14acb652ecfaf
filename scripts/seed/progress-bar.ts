import type { SeedProgress } from '@jembatan/kit';

const BAR_WIDTH = 30;
/** Without a terminal (CI logs, pipes) a line is written at most this often. */
const PLAIN_INTERVAL_MS = 5_000;

/**
 * A one-line progress bar with rows done, elapsed time and an ETA from the rate so far. On a
 * terminal it redraws in place; otherwise it prints a plain line now and then, so logs stay short.
 */
export class ProgressBar {
  private started = performance.now();
  private lastPlain = 0;
  private lastLabel = '';
  private counting = false;

  constructor(private readonly out: NodeJS.WriteStream) {}

  restart(): void {
    this.started = performance.now();
    this.lastPlain = 0;
    this.counting = false;
  }

  update({ label, done, total }: SeedProgress): void {
    // The ETA counts from the first row, not from opening the database or preparing rows.
    if (total > 0 && done === 0 && !this.counting) {
      this.started = performance.now();
      this.counting = true;
    }
    const elapsed = (performance.now() - this.started) / 1000;
    const line = total > 0 ? this.bar(done, total, elapsed, label) : `${label}… ${formatSeconds(elapsed)}`;
    if (this.out.isTTY) {
      this.out.write(`\r${line.slice(0, (this.out.columns || 100) - 1).padEnd((this.out.columns || 100) - 1)}`);
      return;
    }
    const now = performance.now();
    if (label !== this.lastLabel || now - this.lastPlain >= PLAIN_INTERVAL_MS) {
      this.out.write(`${line}\n`);
      this.lastPlain = now;
      this.lastLabel = label;
    }
  }

  /** Ends the bar's line so the next output starts on a fresh one. */
  finish(): void {
    if (this.out.isTTY) this.out.write('\n');
  }

  private bar(done: number, total: number, elapsed: number, label: string): string {
    const share = Math.min(1, done / total);
    const filled = Math.round(share * BAR_WIDTH);
    const eta = done > 0 && share < 1 ? ` ETA ${formatSeconds((elapsed * (total - done)) / done)}` : '';
    return (
      `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ` +
      `${done.toLocaleString('en')}/${total.toLocaleString('en')} rows ${formatSeconds(elapsed)}${eta}  ${label}`
    );
  }
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
