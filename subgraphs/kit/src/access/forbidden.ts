import { JembatanError, type ErrorLocation } from '../errors/jembatan-error';
import type { Purpose, Role } from './roles';

/** Who was refused, and which of the purposes they may declare would have opened the field. */
export interface Refusal {
  roles: readonly Role[];
  /** The purpose declared for the request, or null when none was sent. */
  purpose: Purpose | null;
  grantingPurposes: readonly Purpose[];
}

const orList = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/** What the caller can do about a withheld field, in words: declare a purpose, or nothing. */
function remedy(coordinate: string, refusal: Refusal): string {
  const declared = refusal.purpose
    ? `for the purpose ${refusal.purpose}`
    : 'because no purpose of access was declared (X-Purpose header)';
  if (refusal.grantingPurposes.length === 0) {
    return `${coordinate} is withheld ${declared}; no purpose your roles (${refusal.roles.join(', ')}) may declare opens it.`;
  }
  return `${coordinate} is withheld ${declared}; your roles may read it when declaring ${orList(refusal.grantingPurposes)}.`;
}

export function forbidden(coordinate: string, location?: ErrorLocation, refusal?: Refusal): JembatanError {
  return new JembatanError(
    'FORBIDDEN',
    refusal ? remedy(coordinate, refusal) : `Your roles and declared purpose do not grant ${coordinate}`,
    refusal ? { field: coordinate, grantingPurposes: [...refusal.grantingPurposes] } : { field: coordinate },
    location,
  );
}

/** Under DATA_SUBJECT_REQUEST: this record is about someone other than the person the request is for. */
export function notAboutDataSubject(coordinate: string): JembatanError {
  return new JembatanError(
    'FORBIDDEN',
    `${coordinate} is withheld here: under DATA_SUBJECT_REQUEST only the data of the person named in X-Data-Subject is shown, and this record is about someone else.`,
    { field: coordinate },
  );
}
