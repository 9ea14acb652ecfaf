import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZES } from './page-request';

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return: 0 to ${DEFAULT_PAGE_SIZES.maxSize}, default ${DEFAULT_PAGE_SIZES.defaultSize}.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Return the items after this cursor (a previous page's `pageInfo.endCursor`).",
  })
  after?: string | null;
}
