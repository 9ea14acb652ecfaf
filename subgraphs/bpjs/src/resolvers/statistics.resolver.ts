import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput, requireRegionCode } from '@jembatan/kit';
import type { BpjsContext } from '../context';
import { claimStatistics } from '../queries';
import { ClaimStatistics } from '../types';

/** Jamsostek, BPJS Ketenagakerjaan's predecessor, began in 1977; later years are not yet filed. */
const FIRST_YEAR = 1977;
const LAST_YEAR = 2100;

@Resolver()
export class StatisticsResolver {
  @Query(() => ClaimStatistics, {
    description: 'Claims filed in a year, optionally within a Kemendagri region ("31" is all of DKI Jakarta).',
  })
  claimStatistics(
    @Arg('year', () => Int, { description: 'Calendar year the claims were filed in.' }) year: number,
    @Ctx() ctx: BpjsContext,
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'Kemendagri code of a province, city or kecamatan ("31", "31.74"); omit for all of Indonesia.',
    })
    regionCode?: string | null,
  ) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw badInput('BAD_USER_INPUT', `year must be between ${FIRST_YEAR} and ${LAST_YEAR}, got ${year}`, 'year');
    }
    const region = regionCode == null ? null : requireRegionCode(regionCode, 'regionCode');
    return claimStatistics(ctx.database, year, region);
  }
}
