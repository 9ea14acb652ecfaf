import { Field, ObjectType } from 'type-graphql';
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
