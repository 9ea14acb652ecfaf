import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, RupiahScalar } from '@jembatan/kit';
import { WorkerCategory } from './enums';

@InputType({ description: 'A new contract worker, in a list a unit submits (registerWorkers).' })
export class WorkerToRegisterInput {
  @Field({ description: "The worker's 16-digit NIK; a NIK already registered is refused (WORKER_ALREADY_REGISTERED)." })
  nik: string;

  @Field({ description: 'Full name, 1 to 200 characters.' })
  name: string;

  @Field(() => WorkerCategory, { description: 'The contract regime; PKP and PPSU have a wage floor.' })
  category: WorkerCategory;

  @Field(() => DateScalar, { description: 'First day of the contract, from 2012-01-01 and at most a year ahead.' })
  contractStart: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of a fixed-term contract, not before its start; omit for an open-ended one.',
  })
  contractEnd?: string | null;

  @Field(() => RupiahScalar, {
    description:
      'Monthly wage; PKP and PPSU are paid at least the UMP DKI of the contract start year (WAGE_BELOW_MINIMUM).',
  })
  monthlyWage: string;
}

@InputType({ description: 'A new contract worker for the registry.' })
export class RegisterWorkerInput extends WorkerToRegisterInput {
  @Field(() => ID, { description: 'The unit the worker is assigned to; an unknown unit is NOT_FOUND.' })
  unitCode: string;
}

@InputType({ description: 'Ends a worker’s contract.' })
export class EndContractInput {
  @Field({ description: "The worker's 16-digit NIK." })
  nik: string;

  @Field(() => Int, { description: 'The `version` of the worker you read; VERSION_CONFLICT when it changed since.' })
  expectedVersion: number;

  @Field(() => DateScalar, {
    description: "The contract's last day: not before its start, not after a planned end it already has.",
  })
  endDate: string;

  @Field({
    description: 'Why it ends (1 to 500 characters): kept in the DKI registry only, never sent to another agency.',
  })
  reason: string;
}

@InputType({ description: 'Moves a worker to another unit.' })
export class TransferWorkerInput {
  @Field({ description: "The worker's 16-digit NIK." })
  nik: string;

  @Field(() => Int, { description: 'The `version` of the worker you read; VERSION_CONFLICT when it changed since.' })
  expectedVersion: number;

  @Field(() => ID, { description: 'The unit the worker moves to: another unit that exists.' })
  toUnitCode: string;

  @Field(() => DateScalar, { description: 'The first day in the new unit, within the contract.' })
  effectiveDate: string;
}

@InputType({ description: 'Corrects a worker’s recorded monthly wage.' })
export class CorrectWageInput {
  @Field({ description: "The worker's 16-digit NIK." })
  nik: string;

  @Field(() => Int, { description: 'The `version` of the worker you read; VERSION_CONFLICT when it changed since.' })
  expectedVersion: number;

  @Field(() => RupiahScalar, { description: 'The correct monthly wage; the UMP floor of the contract applies.' })
  monthlyWage: string;
}
