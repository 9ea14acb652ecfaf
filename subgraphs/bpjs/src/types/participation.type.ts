import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { PUBLIC_AGGREGATE } from '@jembatan/kit';
import { Segment } from './enums';

@Directive(PUBLIC_AGGREGATE)
@ObjectType({ description: 'Active participants of one segment.' })
export class SegmentParticipation {
  @Field(() => Segment, { description: 'The participation segment.' })
  segment: Segment;

  @Field(() => Int, { description: 'Participants of the segment with at least one active enrolment.' })
  activeParticipants: number;
}

@Directive(PUBLIC_AGGREGATE)
@ObjectType({
  description:
    'Headline participation figures of a region: active participants and registered employers, kept as counts updated with the data, so asking costs the same at national size.',
})
export class ParticipationStatistics {
  @Field(() => String, {
    nullable: true,
    description: 'The Kemendagri province or regency the figures cover; null for all of Indonesia.',
  })
  regionCode: string | null;

  @Field(() => Int, {
    description: 'Participants with at least one active enrolment, counted where their NIK was first issued.',
  })
  activeParticipants: number;

  @Field(() => Int, { description: 'Employers registered at a branch office in the region.' })
  employers: number;

  @Field(() => [SegmentParticipation], { description: 'Active participants per segment; all four are listed.' })
  bySegment: SegmentParticipation[];
}
