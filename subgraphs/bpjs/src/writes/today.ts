/** BPJS's offices keep Western Indonesian Time: the day a write happens is the day in Jakarta. */
const JAKARTA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' });

/** Today in Jakarta, `YYYY-MM-DD`. */
export function todayInJakarta(now: Date = new Date()): string {
  return JAKARTA_DAY.format(now);
}
