import type { Block, NationalLayout } from './layout';
import { peopleSelect } from './people-select';

export function insertParticipants(block: Block, from: number, to: number, layout: NationalLayout): string {
  return `INSERT INTO participant (kpj, nik, name, segment, registrar_unit_code, registered_on, employer_npp)
    SELECT kpj, nik, name, segment, NULL, registered_on, employer_npp
      FROM (${peopleSelect(block, from, to, layout)}) AS p`;
}
