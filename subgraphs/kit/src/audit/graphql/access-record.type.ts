import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Shared by every agency's subgraph (hence @shareable): one request's reads in one agency's trail. */
@Directive('@shareable')
@ObjectType({
  description:
    "One request that read personal data, or one write (made or refused), as one agency's tamper-evident audit trail recorded it (UU 27/2022 Pasal 31).",
})
export class AccessRecord {
  @Field(() => ID, {
    description: "The record's number in its agency's trail, growing with time; numbers may be skipped, never reused.",
  })
  id: string;

  @Field({ description: 'The agency whose trail holds the record (whose data was read).' })
  agency: string;

  @Field({ description: 'When it was read: ISO 8601, UTC.' })
  occurredAt: string;

  @Field({ description: "Who read: the subject of the caller's token." })
  callerSubject: string;

  @Field({ description: "The caller's own organisation." })
  callerAgency: string;

  @Field(() => [String], { description: 'The roles the caller held.' })
  callerRoles: string[];

  @Field(() => String, { nullable: true, description: 'The purpose of access the caller declared.' })
  purpose: string | null;

  @Field(() => String, { nullable: true, description: 'The name the client gave its operation.' })
  operationName: string | null;

  @Field({ description: 'The request id, to follow the request through every agency’s logs.' })
  requestId: string;

  @Field(() => [String], {
    description:
      'Whose data was read ("nik:…", "kpj:…"). Looked up by NIK, only that person’s identifiers are listed, never the others read in the same request.',
  })
  subjects: string[];

  @Field(() => [String], {
    description:
      'Which fields were read, e.g. "Worker.monthlyWage" ("(masked)" when shown masked); for a write, which fields it changed or, refused, attempted to.',
  })
  fields: string[];

  @Field({
    description:
      'READ for a request that read personal data; WRITE for a change made; WRITE_REFUSED for a change refused (see refusalCode).',
  })
  action: string;

  @Field(() => [String], {
    description:
      'For a WRITE, each changed field with a keyed digest (HMAC-SHA-256, hex) of its new value, never the value: "Worker.monthlyWage=<digest>". Empty otherwise.',
  })
  changes: string[];

  @Field(() => String, {
    nullable: true,
    description: 'For a WRITE_REFUSED, the error code the change got (e.g. "VERSION_CONFLICT"); null otherwise.',
  })
  refusalCode: string | null;

  @Field({ description: "The record's link in the hash chain (hex SHA-256)." })
  hash: string;
}
