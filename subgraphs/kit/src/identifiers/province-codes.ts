/**
 * The 38 Kemendagri province codes, including the four Papua provinces created in 2022
 * (93–96). Older NIKs issued in those areas keep 91/92, which are still in the list.
 */
// prettier-ignore
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21',
  '31', '32', '33', '34', '35', '36',
  '51', '52', '53',
  '61', '62', '63', '64', '65',
  '71', '72', '73', '74', '75', '76',
  '81', '82',
  '91', '92', '93', '94', '95', '96',
];

const provinceCodes = new Set(PROVINCE_CODES);

export function isProvinceCode(code: string): boolean {
  return provinceCodes.has(code);
}
