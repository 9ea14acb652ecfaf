const grouping = new Intl.NumberFormat('id-ID');

/** A count as an Indonesian reader writes it: 35.452. */
export const formatCount = (count: number): string => grouping.format(count);

/** A Rupiah decimal string, exact at any size (no float on the way): "504000000000" → 504.000.000.000. */
export const formatRupiah = (amount: string): string => grouping.format(BigInt(amount));
