import type { NationalLayout } from './layout';
import {
  employerName,
  employerNpp,
  employerProvince,
  employerRegistration,
  MAX_NATIONAL_EMPLOYERS,
} from './employer-columns';
import { REGENCY_CODES, regencyIndex } from './regions-sql';

/** The national employers outside DKI, rows 0 … layout.employers − 1. */
export function insertEmployers(layout: NationalLayout): string {
  if (layout.employers > MAX_NATIONAL_EMPLOYERS) {
    throw new Error(`At most ${MAX_NATIONAL_EMPLOYERS} national employers fit the NPP scheme`);
  }
  return `INSERT INTO employer (npp, name, region_code, registered_on)
    SELECT ${employerNpp('e', 'registered_on')}, name, (${REGENCY_CODES})[regency], registered_on
      FROM (
        SELECT e, ${employerRegistration('e')} AS registered_on, ${employerName('e')} AS name,
               ${regencyIndex('province', 'e', 'employer/regency')} AS regency
          FROM (SELECT e, ${employerProvince('e')} AS province
                  FROM generate_series(0::bigint, ${layout.employers - 1}::bigint) AS e OFFSET 0) AS a
        OFFSET 0) AS b`;
}
