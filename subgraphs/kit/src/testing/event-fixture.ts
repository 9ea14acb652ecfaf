import type { MigrationInterface, QueryRunner } from 'typeorm';
import { JembatanError } from '../errors/jembatan-error';
import type { TransactionQueries } from '../events/append-to-outbox';
import type { EventHandler } from '../events/event-handler';
import type { OutboxEvent } from '../events/outbox-event';

/** A consumer's tiny table for event tests: one row per event a handler applied, in the order applied. */
export class CreateEventFixture1766000000900 implements MigrationInterface {
  name = 'CreateEventFixture1766000000900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE fixture_note (
        serial       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id     uuid NOT NULL,
        ordering_key text NOT NULL,
        key_seq      bigint NOT NULL,
        note         text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE fixture_note');
  }
}

/**
 * The event types of a fixture producer, and what a fixture consumer does with each:
 * `Noted` writes a row; `Refused` is refused by a rule (parked at once); `Flaky` fails its
 * first `payload.failures` deliveries, then writes its row; `Broken` always fails.
 */
export function fixtureEventHandlers(): Record<string, EventHandler> {
  const failuresSoFar = new Map<string, number>();
  const note = async (transaction: TransactionQueries, event: OutboxEvent) => {
    await transaction.query(
      'INSERT INTO fixture_note (event_id, ordering_key, key_seq, note) VALUES ($1, $2, $3, $4)',
      [event.id, event.orderingKey, event.keySeq, String(event.payload.note ?? '')],
    );
  };
  return {
    Noted: note,
    Refused: async () => {
      throw new JembatanError('BAD_USER_INPUT', 'the fixture rule refuses this event');
    },
    Flaky: async (transaction, event) => {
      const failed = failuresSoFar.get(event.id) ?? 0;
      if (failed < Number(event.payload.failures ?? 1)) {
        failuresSoFar.set(event.id, failed + 1);
        // Written first, so the rollback that follows must undo it.
        await note(transaction, event);
        throw new Error(`fixture failure ${failed + 1}`);
      }
      await note(transaction, event);
    },
    Broken: async () => {
      throw new Error('the fixture handler always fails');
    },
  };
}
