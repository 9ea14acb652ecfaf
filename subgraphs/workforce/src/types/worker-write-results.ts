import { Field, Int, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Unit } from './unit.type';
import { Worker } from './worker.type';

const REPLAYED =
  'True when this answers a repeated request (same idempotency key and input): the change was made by the first, and nothing was written this time.';

@ObjectType({ description: 'A worker registered: the new record, at version 1.' })
export class RegisterWorkerResult {
  @Field(() => Worker, { description: 'The worker as registered.' })
  worker: Worker;

  @Field({ description: REPLAYED })
  replayed: boolean;
}

@ObjectType({ description: 'A contract ended: the worker with their last day set.' })
export class EndContractResult {
  @Field(() => Worker, { description: 'The worker after the change.' })
  worker: Worker;

  @Field({ description: REPLAYED })
  replayed: boolean;
}

@ObjectType({ description: 'A worker transferred: the worker in their new unit, and the unit they left.' })
export class TransferWorkerResult {
  @Field(() => Worker, { description: 'The worker after the change.' })
  worker: Worker;

  @Field(() => Unit, { description: 'The unit the worker left.' })
  fromUnit: Unit;

  @Field({ description: REPLAYED })
  replayed: boolean;
}

@ObjectType({ description: 'A wage corrected: the worker with the corrected wage.' })
export class CorrectWageResult {
  @Field(() => Worker, { description: 'The worker after the change.' })
  worker: Worker;

  @Field({ description: REPLAYED })
  replayed: boolean;
}

export enum RegistrationStatus {
  REGISTERED = 'REGISTERED',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  REFUSED = 'REFUSED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'What became of one worker of a registerWorkers list.',
  valuesConfig: {
    REGISTERED: { description: 'Added to the registry at version 1; BPJS is told (WorkerRegistered).' },
    ALREADY_REGISTERED: { description: 'A worker with this NIK is in the registry already: nothing written.' },
    REFUSED: { description: 'A rule refused this worker: see code and reason; nothing written for them.' },
  },
});

@ObjectType({ description: 'What became of one worker of a registerWorkers list.' })
export class WorkerRegistrationOutcome {
  @Field(() => Int, { description: "The worker's place in the list, from 0." })
  index: number;

  @Field({ description: 'The NIK as sent.' })
  nik: string;

  @Field(() => RegistrationStatus, { description: 'Registered, already registered, or refused.' })
  status: RegistrationStatus;

  @Field(() => String, { nullable: true, description: 'The error code of the rule that refused them (REFUSED only).' })
  code: string | null;

  @Field(() => String, { nullable: true, description: 'Why they were refused, and how to fix it (REFUSED only).' })
  reason: string | null;
}

@ObjectType({ description: "A unit's list of new workers, registered in one transaction: one outcome per worker." })
export class RegisterWorkersResult {
  @Field(() => ID, { description: 'The unit the workers were registered in.' })
  unitCode: string;

  @Field(() => Int, { description: 'Workers registered by this call.' })
  registered: number;

  @Field(() => Int, { description: 'Workers already in the registry: nothing written for them.' })
  alreadyRegistered: number;

  @Field(() => Int, { description: 'Workers a rule refused (see their outcomes).' })
  refused: number;

  @Field(() => [WorkerRegistrationOutcome], { description: 'One outcome per worker, in list order.' })
  outcomes: WorkerRegistrationOutcome[];

  @Field({ description: REPLAYED })
  replayed: boolean;
}
