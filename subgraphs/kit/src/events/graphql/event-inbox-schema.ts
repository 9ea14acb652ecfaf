import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { badInput } from '../../errors/jembatan-error';
import { ParkedEvent } from './parked-event.type';
import { readParkedEvents } from './read-parked-events';

const MAX_PARKED = 500;

export interface EventInboxOptions {
  /** The GraphQL field this agency adds to EventInbox, e.g. "bpjs". */
  agencyField: string;
  agency: string;
}

/**
 * The parked events of every agency, for operators: `eventInbox` is answered by every agency
 * (shareable) and each adds a field with its own parked events, so one query through the gateway
 * shows what every agency refused, and a new agency's inbox shows up by adding its field.
 */
export function createEventInboxSchema(options: EventInboxOptions) {
  @Directive('@key(fields: "id")')
  @ObjectType('EventInbox', { description: "Each agency's inbox of other agencies' events: what it parked." })
  class EventInbox {
    @Field(() => ID, { description: 'Always "parked".' })
    id: string;
  }

  @Resolver(() => EventInbox)
  class EventInboxResolver {
    @Directive('@shareable')
    @Query(() => EventInbox, {
      description: 'Events each agency parked instead of applying, newest first (auditor; AUDIT).',
    })
    eventInbox(): EventInbox {
      return { id: 'parked' };
    }

    @FieldResolver(() => [ParkedEvent], {
      name: options.agencyField,
      nullable: true,
      description: `Events the ${options.agency} inbox parked, newest first.`,
    })
    async parked(
      @Root() _inbox: EventInbox,
      @Ctx() context: RequestContext<unknown>,
      @Arg('first', () => Int, { defaultValue: 50, description: `How many: 1 to ${MAX_PARKED}.` }) first: number,
      @Arg('parkedBefore', () => String, {
        nullable: true,
        description:
          'Only events parked before this time (ISO 8601): the `parkedAt` of the last one seen, to page back.',
      })
      parkedBefore?: string | null,
    ): Promise<ParkedEvent[]> {
      if (first < 1 || first > MAX_PARKED) {
        throw badInput('PAGE_SIZE_OUT_OF_RANGE', `first must be 1 to ${MAX_PARKED}`, 'first');
      }
      if (parkedBefore != null && Number.isNaN(Date.parse(parkedBefore))) {
        throw badInput('BAD_USER_INPUT', 'parkedBefore is not an ISO 8601 time', 'parkedBefore');
      }
      const rows = await readParkedEvents(context.database, { first, parkedBefore });
      return rows.map((row) => ({ ...row, agency: options.agency }));
    }
  }

  return {
    resolvers: [EventInboxResolver] as const,
    referenceResolver: (representation: Record<string, unknown>) => ({ id: String(representation.id) }),
  };
}
