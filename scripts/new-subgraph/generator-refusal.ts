/** Why the generator refused a request; stable, so scripts and tests can branch on it. */
export type RefusalCode =
  | 'USAGE'
  | 'INVALID_NAME'
  | 'NAME_RESERVED'
  | 'NAME_TAKEN'
  | 'ENV_CLASH'
  | 'SCHEMA_CLASH'
  | 'INVALID_TITLE'
  | 'INVALID_PORT'
  | 'PORT_TAKEN'
  | 'REPOSITORY_LAYOUT'
  | 'STEP_FAILED';

/** A request the generator will not carry out; the message says what to do instead. */
export class GeneratorRefusal extends Error {
  override name = 'GeneratorRefusal';

  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}
