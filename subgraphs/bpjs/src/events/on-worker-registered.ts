import {
  appendToOutbox,
  JembatanError,
  todayInJakarta,
  type EventBatchHandler,
  type EventRefusal,
  type OutboxEvent,
} from '@jembatan/kit';
import { enrolParticipants } from '../writes/enrol-participants';
import type { PersonToEnrol } from '../writes/screen-people';
import { DkiEventPayload } from './dki-event-payloads';

// Every enrolment moves the same few summary rows (BPU per regency): batches take them one at a
// time rather than deadlock over them in different orders.
const ENROLMENT_SUMMARIES_LOCK = `SELECT pg_advisory_xact_lock(hashtext('bpjs.enrolment-summaries'))`;

interface Registration {
  event: OutboxEvent;
  registrarUnitCode: string;
  registeredOn: string;
  person: PersonToEnrol;
}

/** The event's person, or the reason its payload cannot be one. */
function registrationOf(event: OutboxEvent): Registration | EventRefusal {
  try {
    const payload = new DkiEventPayload(event);
    const registrarUnitCode = payload.unitCode('unitCode');
    const registeredOn = todayInJakarta(new Date(event.occurredAt));
    const person = {
      nik: payload.nik(),
      name: payload.text('name'),
      category: payload.text('category'),
      contractStart: payload.date('contractStart'),
      declaredIncome: payload.rupiah('monthlyWage'),
    };
    return { event, registrarUnitCode, registeredOn, person };
  } catch (error) {
    if (!(error instanceof JembatanError)) throw error;
    return { code: String(error.extensions.code), message: error.message };
  }
}

/**
 * Workers registered at DKI are enrolled as BPU participants with their unit as registrar, by the
 * same code path as enrolParticipants, one call per unit and day for a whole batch of events: a
 * PKP in JKK and JKM from the contract start (not before 2016-03-01) and JHT from 2017-01-01,
 * PPSU and Kebersihan crews in JKK and JKM (Instruksi Gubernur 288/2015); their wage is the
 * income declared for them. Registered on the day DKI's change committed, so a redelivery
 * computes the same. Twice the same event: the second finds them enrolled and changes nothing.
 * A malformed payload or a rule's refusal (e.g. a NIK BPJS cannot accept) parks that event only.
 */
export const onWorkerRegistered: EventBatchHandler = {
  async applyMany(transaction, events, audit) {
    const refusals = new Map<string, EventRefusal>();
    const groups = new Map<string, Registration[]>();
    for (const event of events) {
      const read = registrationOf(event);
      if (!('person' in read)) {
        refusals.set(event.id, read);
        continue;
      }
      const group = `${read.registrarUnitCode} ${read.registeredOn}`;
      const registrations = groups.get(group);
      if (registrations) registrations.push(read);
      else groups.set(group, [read]);
    }
    if (groups.size === 0) return refusals;
    await transaction.query(ENROLMENT_SUMMARIES_LOCK);
    for (const registrations of groups.values()) {
      const { registrarUnitCode, registeredOn } = registrations[0]!;
      const change = await enrolParticipants(transaction, {
        registrarUnitCode,
        registeredOn,
        people: registrations.map((registration) => registration.person),
      });
      for (const outcome of change.result.outcomes) {
        if (outcome.status !== 'REFUSED') continue;
        const { event } = registrations[outcome.index]!;
        refusals.set(event.id, {
          code: outcome.code!,
          message: `${event.type} ${event.id} refused: ${outcome.reason}`,
        });
      }
      await appendToOutbox(transaction, 'bpjs', change.events);
      await audit.recordChange({ purpose: 'ENROLMENT', subjects: change.subjects, changes: change.changes });
    }
    return refusals;
  },
};
