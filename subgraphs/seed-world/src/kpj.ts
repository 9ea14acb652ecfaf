import type { IsoDate } from './dates';
import type { Random } from './random';

/**
 * Issues unique 11-digit KPJ numbers. The real structure is not published; ours starts with the
 * two-digit registration year so that numbers look issued over time, then 9 random digits.
 */
export class KpjRegistry {
  private readonly issued = new Set<string>();

  constructor(private readonly random: Random) {}

  issue(registeredOn: IsoDate): string {
    const prefix = registeredOn.slice(2, 4);
    for (;;) {
      const kpj = prefix + String(this.random.int(0, 999_999_999)).padStart(9, '0');
      if (!this.issued.has(kpj)) {
        this.issued.add(kpj);
        return kpj;
      }
    }
  }
}
