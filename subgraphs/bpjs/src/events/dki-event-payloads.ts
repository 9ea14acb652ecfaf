import { isIsoDate, JembatanError, type OutboxEvent } from '@jembatan/kit';
import { validateNik, validateUnitCode } from '@jembatan/kit/identifiers';

/**
 * What BPJS reads of Pemprov DKI's events (the workforce subgraph's events/worker-events.ts):
 * each handler reads only the fields its rule needs. A payload that lacks one, or holds one
 * malformed, is refused: the event is parked for operators with the reason, never applied half.
 */
export class DkiEventPayload {
  constructor(private readonly event: OutboxEvent) {}

  private refuse(field: string, problem: string): never {
    const { source, type, id } = this.event;
    throw new JembatanError('BAD_USER_INPUT', `${source} event ${type} ${id}: ${field} ${problem}`, { field });
  }

  text(field: string): string {
    const value = this.event.payload[field];
    if (typeof value !== 'string' || value.length === 0) this.refuse(field, 'must be a non-empty string');
    return value;
  }

  nik(): string {
    const nik = this.text('nik');
    const valid = validateNik(nik);
    if (!valid.ok) this.refuse('nik', `is not a NIK: ${valid.reason}`);
    if (this.event.orderingKey !== `nik:${nik}`) this.refuse('nik', 'does not match the ordering key');
    return nik;
  }

  unitCode(field: string): string {
    const code = this.text(field);
    if (!validateUnitCode(code).ok) this.refuse(field, 'is not a Pemprov DKI unit code');
    return code;
  }

  date(field: string): string {
    const date = this.text(field);
    if (!isIsoDate(date)) this.refuse(field, 'must be a calendar date YYYY-MM-DD');
    return date;
  }

  /** A whole Rupiah amount as a decimal string. */
  rupiah(field: string): string {
    const amount = this.text(field);
    if (!/^(0|[1-9]\d{0,17})$/.test(amount)) this.refuse(field, 'must be a whole, non-negative Rupiah amount');
    return amount;
  }
}
