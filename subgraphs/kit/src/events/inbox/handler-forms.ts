import type { ErrorCode } from '../../errors/error-codes';
import { JembatanError } from '../../errors/jembatan-error';
import type { EventBatchHandler, EventHandler, EventRefusal } from '../event-handler';

const isBatchHandler = (handler: EventHandler | EventBatchHandler): handler is EventBatchHandler =>
  typeof handler !== 'function';

/**
 * Either form as a batch: a one-event handler runs once per event, each behind a savepoint, so a
 * rule's refusal (a JembatanError) undoes only that event's change and the rest of the batch stands.
 */
export function asBatchHandler(handler: EventHandler | EventBatchHandler): EventBatchHandler {
  if (isBatchHandler(handler)) return handler;
  return {
    async applyMany(transaction, events, audit) {
      const refusals = new Map<string, EventRefusal>();
      for (const event of events) {
        await transaction.query('SAVEPOINT one_event');
        try {
          await handler(transaction, event, audit);
          await transaction.query('RELEASE SAVEPOINT one_event');
        } catch (error) {
          if (!(error instanceof JembatanError)) throw error;
          await transaction.query('ROLLBACK TO SAVEPOINT one_event');
          refusals.set(event.id, { code: String(error.extensions.code), message: error.message });
        }
      }
      return refusals;
    },
  };
}

/** Either form for one event: a batch handler's refusal of it becomes the JembatanError that parks it. */
export function asEventHandler(handler: EventHandler | EventBatchHandler): EventHandler {
  if (!isBatchHandler(handler)) return handler;
  return async (transaction, event, audit) => {
    const refusal = (await handler.applyMany(transaction, [event], audit)).get(event.id);
    if (refusal) throw new JembatanError(refusal.code as ErrorCode, refusal.message);
  };
}
