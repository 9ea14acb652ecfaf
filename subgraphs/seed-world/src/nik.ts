import type { IsoDate } from './dates';
import type { Sex } from './names';

/**
 * The generator's own NIK encoder. The kit has the full validator, but seed-world must not depend
 * on the kit (it pulls in the whole server stack), so this small copy of the layout lives here and
 * the tests check its output with the kit's validateNik.
 */
export function encodeNik(districtCode: string, birthDate: IsoDate, sex: Sex, serial: number): string {
  const [year = '', month = '', day = ''] = birthDate.split('-');
  const encodedDay = Number(day) + (sex === 'F' ? 40 : 0);
  return (
    districtCode.replaceAll('.', '') +
    String(encodedDay).padStart(2, '0') +
    month +
    year.slice(2) +
    String(serial).padStart(4, '0')
  );
}
