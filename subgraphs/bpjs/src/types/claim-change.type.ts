import { Field, ObjectType } from 'type-graphql';
import { Claim } from './claim.type';

@ObjectType({ description: 'The answer to a claim filing or decision: the claim as it now stands.' })
export class ClaimChange {
  @Field(() => Claim, { description: 'The claim after the change (or, replayed, as the first answer gave it).' })
  claim: unknown;

  @Field({
    description: 'True when this answers a retry of an earlier request with the same key: nothing was written again.',
  })
  replayed: boolean;
}
