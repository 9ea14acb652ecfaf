import { validateNik } from '@jembatan/kit/identifiers';
import { Program } from '../types/enums';
import {
  AGREEMENT_PROGRAMS,
  isWorkerCategory,
  planCollectiveCover,
  refusal,
  type PlannedCover,
  type RuleRefusal,
  type WorkerCategory,
} from '../rules';

/** One person as a registrar submits them. */
export interface PersonToEnrol {
  nik: string;
  name: string;
  category: string;
  /** First day of the contract with DKI; cover starts then, but not before the programme does for the category. */
  contractStart: string;
  /** The programmes asked for; the agreement's for the category when omitted. */
  programs?: readonly Program[] | null;
  /** The monthly income their BPU contributions are computed on (DKI's wage), in whole Rupiah, when known. */
  declaredIncome?: string | null;
}

/** A person who passed every rule that needs no database, with the cover they will get. */
export interface Candidate {
  index: number;
  nik: string;
  name: string;
  category: WorkerCategory;
  cover: PlannedCover[];
  declaredIncome: string | null;
}

export type Screened = Candidate | { index: number; nik: string; refused: RuleRefusal };

export const NAME_MAX_LENGTH = 200;
const CONTROL_CHARACTER = /\p{Cc}/u;

function nameRefusal(name: string): RuleRefusal | null {
  if (name.length === 0 || name.length > NAME_MAX_LENGTH) {
    return refusal('BAD_USER_INPUT', `A name must have 1 to ${NAME_MAX_LENGTH} characters`, { field: 'name' });
  }
  if (CONTROL_CHARACTER.test(name)) {
    return refusal('BAD_USER_INPUT', 'A name cannot hold control characters', { field: 'name' });
  }
  return null;
}

/** The rules each person must pass on their own, in order; the first that says no is their outcome. */
function screenOne(person: PersonToEnrol, index: number, seen: Set<string>): Screened {
  const refused = (why: RuleRefusal) => ({ index, nik: person.nik, refused: why });
  const nik = validateNik(person.nik);
  if (!nik.ok) return refused(refusal('INVALID_NIK', nik.reason, { field: 'nik' }));
  if (seen.has(person.nik)) {
    return refused(refusal('BAD_USER_INPUT', 'The same NIK appears earlier in this request', { field: 'nik' }));
  }
  seen.add(person.nik);
  const name = person.name.trim();
  const badName = nameRefusal(name);
  if (badName) return refused(badName);
  if (!isWorkerCategory(person.category)) {
    return refused(refusal('BAD_USER_INPUT', 'category must be PKP, PPSU or KEBERSIHAN', { field: 'category' }));
  }
  const programs = person.programs ?? AGREEMENT_PROGRAMS[person.category];
  if (programs.length === 0) {
    return refused(refusal('BAD_USER_INPUT', 'programs, when given, must name at least one', { field: 'programs' }));
  }
  const cover = planCollectiveCover(person.category, person.contractStart, programs);
  if (!Array.isArray(cover)) return refused(cover);
  const declaredIncome = person.declaredIncome ?? null;
  if (declaredIncome !== null && !/^(0|[1-9]\d{0,17})$/.test(declaredIncome)) {
    return refused(
      refusal('BAD_USER_INPUT', 'A declared income is a whole, non-negative Rupiah amount', {
        field: 'declaredIncome',
      }),
    );
  }
  return { index, nik: person.nik, name, category: person.category, cover, declaredIncome };
}

/** Screens a request's people in order; a NIK that appears twice is refused the second time. */
export function screenPeople(people: readonly PersonToEnrol[]): Screened[] {
  const seen = new Set<string>();
  return people.map((person, index) => screenOne(person, index, seen));
}

export const isCandidate = (screened: Screened): screened is Candidate => !('refused' in screened);
