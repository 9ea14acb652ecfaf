/**
 * The BPJS Ketenagakerjaan branch region that serves a DKI regency. Every city has branch offices;
 * we assume (unverified) that there is none on the Kepulauan Seribu islands and that islanders are
 * served in Jakarta Utara, where the ferries land.
 */
const KEPULAUAN_SERIBU = '31.01';
const JAKARTA_UTARA = '31.72';

export function branchRegionFor(regencyCode: string): string {
  return regencyCode === KEPULAUAN_SERIBU ? JAKARTA_UTARA : regencyCode;
}
