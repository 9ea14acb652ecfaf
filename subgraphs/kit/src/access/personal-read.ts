import { validateKpj, validateNik } from '../identifiers';
import type { AccessPolicy, PersonIdentifier } from './access-policy';
import type { AccessRecorder } from './access-recorder';
import { notAboutDataSubject } from './forbidden';

/** What a read of personal data needs from a request's context. */
export interface PersonalReadContext {
  accessRecorder: AccessRecorder;
  /** Under DATA_SUBJECT_REQUEST, the NIK of the one person this request may read about. */
  dataSubject: string | null;
}

const isIdentifier: Record<PersonIdentifier, (value: string) => boolean> = {
  nik: (value) => validateNik(value).ok,
  kpj: (value) => validateKpj(value).ok,
};

/**
 * The data subjects a lookup names, from its arguments (or an entity representation's fields).
 * A malformed identifier names nobody, and the resolver refuses it, so it is left out: the
 * audit trail never holds what a caller typed instead of an identifier.
 */
export function subjectsLookedUp(
  identifiers: Readonly<Record<string, PersonIdentifier>>,
  values: Readonly<Record<string, unknown>>,
): string[] {
  return Object.entries(identifiers).flatMap(([name, kind]) => {
    const value = values[name];
    return typeof value === 'string' && isIdentifier[kind](value) ? [`${kind}:${value}`] : [];
  });
}

/**
 * Records each read of personal data and, under DATA_SUBJECT_REQUEST, lets through only reads
 * about the declared data subject: anyone else's data is FORBIDDEN. Synchronous unless a data
 * subject is declared, so ordinary requests pay nothing for the rule.
 */
export function createPersonalReads(policy: Pick<AccessPolicy<string>, 'identifiersOfNik'>) {
  const identifiersOfNik = policy.identifiersOfNik as
    ((nik: string, context: PersonalReadContext) => Promise<readonly string[]>) | undefined;
  const subjectIdentifiers = new WeakMap<PersonalReadContext, Promise<ReadonlySet<string>>>();

  /** Every identifier the declared data subject goes by in this agency, looked up once per request. */
  function identifiersOfDataSubject(context: PersonalReadContext, nik: string) {
    let identifiers = subjectIdentifiers.get(context);
    if (!identifiers) {
      identifiers = (identifiersOfNik ? identifiersOfNik(nik, context) : Promise.resolve([])).then(
        (others) => new Set([`nik:${nik}`, ...others]),
      );
      subjectIdentifiers.set(context, identifiers);
    }
    return identifiers;
  }

  return {
    /** Under DATA_SUBJECT_REQUEST, whether something about `subjects` is about the declared data subject. */
    async isAboutDataSubject(context: PersonalReadContext, nik: string, subjects: readonly string[]) {
      const identifiers = await identifiersOfDataSubject(context, nik);
      return subjects.some((subject) => identifiers.has(subject));
    },

    /** Records `field` read about `subjects`; FORBIDDEN (as `coordinate`) when it is about someone else. */
    read(
      context: PersonalReadContext,
      read: { field: string; coordinate: string },
      subjects: readonly string[],
    ): void | Promise<void> {
      const { dataSubject } = context;
      if (!dataSubject) {
        context.accessRecorder.record(read.field, subjects);
        return;
      }
      return identifiersOfDataSubject(context, dataSubject).then((identifiers) => {
        if (!subjects.some((subject) => identifiers.has(subject))) throw notAboutDataSubject(read.coordinate);
        context.accessRecorder.record(read.field, subjects);
      });
    },
  };
}

export type PersonalReads = ReturnType<typeof createPersonalReads>;

const byPolicy = new WeakMap<object, PersonalReads>();

/**
 * One PersonalReads per agency policy: the policy guard and the connection sealer both check
 * reads against the data subject, and should look its other identifiers up (a query under
 * DATA_SUBJECT_REQUEST) once per request, not once each.
 */
export function personalReadsFor(policy: Pick<AccessPolicy<string>, 'identifiersOfNik'>): PersonalReads {
  let reads = byPolicy.get(policy);
  if (!reads) {
    reads = createPersonalReads(policy);
    byPolicy.set(policy, reads);
  }
  return reads;
}
