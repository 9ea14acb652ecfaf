import { appendToOutbox, JembatanError, todayInJakarta, type EventHandler } from '@jembatan/kit';
import { enrolParticipants } from '../writes/enrol-participants';
import { DkiEventPayload } from './dki-event-payloads';

/**
 * A worker registered at DKI is enrolled as a BPU participant with their unit as registrar, by the
 * same code path as enrolParticipants: a PKP in JKK and JKM from the contract start (not before
 * 2016-03-01) and JHT from 2017-01-01, PPSU and Kebersihan crews in JKK and JKM (Instruksi
 * Gubernur 288/2015); their wage is the income declared for them. Registered on the day DKI's
 * change committed, so a redelivery computes the same. Twice the same event: the second finds them
 * enrolled and changes nothing. A rule's refusal (e.g. a malformed NIK) parks the event.
 */
export const onWorkerRegistered: EventHandler = async (transaction, event) => {
  const payload = new DkiEventPayload(event);
  const registrarUnitCode = payload.unitCode('unitCode');
  const change = await enrolParticipants(transaction, {
    registrarUnitCode,
    registeredOn: todayInJakarta(new Date(event.occurredAt)),
    people: [
      {
        nik: payload.nik(),
        name: payload.text('name'),
        category: payload.text('category'),
        contractStart: payload.date('contractStart'),
        declaredIncome: payload.rupiah('monthlyWage'),
      },
    ],
  });
  const [outcome] = change.result.outcomes;
  if (outcome?.status === 'REFUSED') {
    throw new JembatanError(outcome.code!, `${event.type} ${event.id} refused: ${outcome.reason}`, {
      nik: outcome.nik,
    });
  }
  await appendToOutbox(transaction, 'bpjs', change.events);
};
