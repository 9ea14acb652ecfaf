import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * Shared by every agency's subgraph (hence @shareable): one event of another agency that this
 * agency parked instead of applying. What happened and why, never whose: neither the payload
 * nor the ordering key (a NIK) is shown.
 */
@Directive('@shareable')
@ObjectType({
  description:
    "An event from another agency that this agency's inbox parked: refused by one of its rules, or failing on every delivery. It is not retried; an operator decides.",
})
export class ParkedEvent {
  @Field(() => ID, { description: 'The event id (a UUID), the same in the producing agency’s outbox.' })
  id: string;

  @Field({ description: 'The agency that parked it (the consumer).' })
  agency: string;

  @Field({ description: 'The producing subgraph, e.g. `workforce`.' })
  source: string;

  @Field({ description: 'What happened at the producer, e.g. `WorkerRegistered`.' })
  type: string;

  @Field(() => Int, { description: "The event's place among its subject's events (1, 2, 3…)." })
  keySeq: number;

  @Field({
    description:
      'The error code of the refusal, from the catalogue; `EVENT_DELIVERIES_EXHAUSTED` when it kept failing.',
  })
  code: string;

  @Field({ description: 'Why, as the rule or the last failure said it.' })
  reason: string;

  @Field(() => Int, { description: 'Deliveries until it was parked.' })
  attempts: number;

  @Field({ description: 'When the producer committed it: ISO 8601, UTC.' })
  occurredAt: string;

  @Field({ description: 'When this agency first received it: ISO 8601, UTC.' })
  firstSeenAt: string;

  @Field({ description: 'When it was parked: ISO 8601, UTC.' })
  parkedAt: string;
}
