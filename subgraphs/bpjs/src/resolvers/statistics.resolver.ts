import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput, requireRegionCode } from '@jembatan/kit';
import type { BpjsContext } from '../context';
import { claimStatistics, participationStatistics } from '../queries';
import { ClaimStatistics, ParticipationStatistics } from '../types';

/** Jamsostek, BPJS Ketenagakerjaan's predecessor, began in 1977; later years are not yet filed. */
const FIRST_YEAR = 1977;
const LAST_YEAR = 2100;
/** The participation summary is kept per regency; a kecamatan or village is finer than it knows. */
const PROVINCE_OR_REGENCY = /^\d{2}(\.\d{2})?$/;

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

  @Query(() => ParticipationStatistics, {
    description:
      'Active participants and registered employers, for Indonesia or a Kemendagri province or regency ("31" is DKI Jakarta).',
  })
  participationStatistics(
    @Ctx() ctx: BpjsContext,
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'Kemendagri code of a province or regency ("31", "31.74"); omit for all of Indonesia.',
    })
    regionCode?: string | null,
  ) {
    const region = regionCode == null ? null : requireRegionCode(regionCode, 'regionCode');
    if (region !== null && !PROVINCE_OR_REGENCY.test(region)) {
      throw badInput(
        'BAD_USER_INPUT',
        'regionCode must be a province or a regency, e.g. "31" or "31.74"',
        'regionCode',
      );
    }
    return participationStatistics(ctx.database, region);
  }
}
