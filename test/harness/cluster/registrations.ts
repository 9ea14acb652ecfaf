import { publishedBody } from '../operations';
import type { Outcome } from './steady-load';

/** Sends one published operation through the cluster: whole (by `whole`), or why not. */
export type SendOperation = (
  body: string,
  variables: Record<string, unknown>,
  whole: (data: unknown) => boolean,
) => Promise<Omit<Outcome, 'phase' | 'ms'>>;

export interface Registration {
  nik: string;
  idempotencyKey: string;
  answered: boolean;
}

const REGISTER_WORKER = publishedBody('RegisterWorker');

/** Born in January 1991 in Tebet, with serials no seed world reaches (it stays below 9000). */
const nikOf = (index: number) => `317401${String((index % 28) + 1).padStart(2, '0')}0191${9000 + index}`;

/**
 * New PKP workers registered through the cluster, one per `next()`, each with a NIK and an
 * idempotency key of its own. One whose answer was lost is sent again with the same key, as a
 * client retries: the registry answers the first result, and nothing happens twice.
 */
export class Registrations {
  readonly sent: Registration[] = [];

  constructor(
    /** Tells this run's idempotency keys from any other's. */
    private readonly run: string,
    private readonly post: SendOperation,
  ) {}

  readonly next = async (): Promise<Omit<Outcome, 'phase' | 'ms'>> => {
    const index = this.sent.length;
    if (index >= 1000) return { failure: 'client out of NIKs' };
    const registration = { nik: nikOf(index), idempotencyKey: `cluster-${this.run}-${index}`, answered: false };
    this.sent.push(registration);
    return this.send(registration, index);
  };

  /** Sends each unanswered registration again with its own key; the NIKs still unanswered. */
  async retryUnanswered(): Promise<string[]> {
    for (const [index, registration] of this.sent.entries()) {
      if (!registration.answered) await this.send(registration, index);
    }
    return this.sent.filter((registration) => !registration.answered).map((registration) => registration.nik);
  }

  private async send(registration: Registration, index: number) {
    const { nik, idempotencyKey } = registration;
    const outcome = await this.post(
      REGISTER_WORKER,
      {
        idempotencyKey,
        input: {
          nik,
          name: `Pekerja Klaster ${index}`,
          category: 'PKP',
          unitCode: 'KEC-317401',
          contractStart: '2025-07-01',
          monthlyWage: '5400000',
        },
      },
      (data) => (data as { registerWorker?: { worker?: { nik?: string } } }).registerWorker?.worker?.nik === nik,
    );
    if (!outcome.failure) registration.answered = true;
    return outcome;
  }
}
