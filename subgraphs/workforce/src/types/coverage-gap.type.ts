import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, DateScalar, Program } from '@jembatan/kit';
import { Worker } from './worker.type';

export enum CoverageGapKind {
  MISSING_COVER = 'MISSING_COVER',
  COVER_AFTER_CONTRACT_END = 'COVER_AFTER_CONTRACT_END',
}

registerEnumType(CoverageGapKind, {
  name: 'CoverageGapKind',
  description: "How Pemprov DKI's registry and BPJS Ketenagakerjaan's disagree about one worker.",
  valuesConfig: {
    MISSING_COVER: {
      description:
        'The contract runs, but BPJS has not reported the cover the agreement requires (JKK, JKM; JHT for PKP from 2017).',
    },
    COVER_AFTER_CONTRACT_END: {
      description: 'The contract has ended, but the BPU cover the DKI unit registered still runs after its end date.',
    },
  },
});

@ObjectType({ description: 'One worker on whom the two registries disagree, on the date asked, and why.' })
export class CoverageGap {
  @Field(() => Worker, { description: 'The worker, as Pemprov DKI registers them.' })
  worker?: Worker;

  @Field(() => CoverageGapKind, { description: 'Which disagreement this is.' })
  kind: CoverageGapKind;

  @Field(() => [Program], {
    description: 'MISSING_COVER: the required programmes without cover. COVER_AFTER_CONTRACT_END: those still running.',
  })
  programs: Program[];

  @Field(() => DateScalar, { nullable: true, description: 'The end of the contract, for COVER_AFTER_CONTRACT_END.' })
  contractEnd: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'COVER_AFTER_CONTRACT_END: the DKI unit that registered the cover still running.',
  })
  registrarUnitCode: string | null;

  @Field({ description: 'What the disagreement means and what resolves it, in words.' })
  explanation: string;
}

@ObjectType({ description: "How many of a unit's workers the registries disagree on, by kind, on the date asked." })
export class CoverageGapCount {
  @Field(() => Int, { description: 'Running contracts without the required cover.' })
  missingCover: number;

  @Field(() => Int, { description: 'Ended contracts whose registered cover still runs.' })
  coverAfterContractEnd: number;

  @Field(() => Int, { description: 'Both together.' })
  total: number;
}

export const CoverageGapConnection = ConnectionType(
  CoverageGap,
  'CoverageGap',
  'A page of coverage gaps, ordered by NIK.',
);
