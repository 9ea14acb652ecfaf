import type { IsoDate } from './dates';
import type { Random } from './random';

/**
 * NPP (Nomor Pendaftaran Perusahaan), an employer's registration number: 8 characters, usually
 * digits (domain.md §3). Ours are the two-digit registration year and a 6-digit serial.
 *
 * As with KPJs (see kpj.ts), the serial space is split so that generators cannot collide: this
 * world takes serials below {@link NATIONAL_NPP_SERIAL_BASE} (third digit 0–4), the national
 * preset generated in PostgreSQL takes the rest (third digit 5–9).
 */
export const NATIONAL_NPP_SERIAL_BASE = 500_000;

export const NPP_PATTERN = /^\d{8}$/;

/** Issues unique NPPs from the world's half of the serial space. */
export class NppRegistry {
  private readonly issued = new Set<string>();

  constructor(private readonly random: Random) {}

  issue(registeredOn: IsoDate): string {
    const prefix = registeredOn.slice(2, 4);
    for (;;) {
      const npp = prefix + String(this.random.int(0, NATIONAL_NPP_SERIAL_BASE - 1)).padStart(6, '0');
      if (!this.issued.has(npp)) {
        this.issued.add(npp);
        return npp;
      }
    }
  }
}
