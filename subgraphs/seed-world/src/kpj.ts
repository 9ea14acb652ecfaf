import type { IsoDate } from './dates';
import type { Random } from './random';

/**
 * KPJ numbers are 11 digits: the two-digit registration year, then a 9-digit serial. The real
 * structure is not published; the year makes numbers look issued over time.
 *
 * The serial space is split so that two generators can never issue the same number, however many
 * they issue: this world (generated in Node, with a registry that retries collisions) takes
 * serials below {@link NATIONAL_KPJ_SERIAL_BASE}, i.e. a third digit of 0–4; the national preset
 * (generated inside PostgreSQL, where a registry would cost a unique-index probe per row) takes
 * serials from it upwards, a third digit of 5–9, each from a permutation of its own row numbers.
 */
export const NATIONAL_KPJ_SERIAL_BASE = 500_000_000;

/** Issues unique 11-digit KPJ numbers from the world's half of the serial space. */
export class KpjRegistry {
  private readonly issued = new Set<string>();

  constructor(private readonly random: Random) {}

  issue(registeredOn: IsoDate): string {
    const prefix = registeredOn.slice(2, 4);
    for (;;) {
      const kpj = prefix + String(this.random.int(0, NATIONAL_KPJ_SERIAL_BASE - 1)).padStart(9, '0');
      if (!this.issued.has(kpj)) {
        this.issued.add(kpj);
        return kpj;
      }
    }
  }
}
