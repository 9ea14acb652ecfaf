import { Field, ObjectType } from 'type-graphql';
import { Claim } from './claim.type';

@ObjectType({ description: 'The answer to a claim filing or decision: the claim as it now stands.' })
export class ClaimChange {
  @Field(() => Claim)
  claim: unknown;

  @Field({
    description: 'True when this answers a retry of an earlier request with the same key: nothing was written again.',
  })
  replayed: boolean;
}
