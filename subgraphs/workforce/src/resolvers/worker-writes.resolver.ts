import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { runWrite, unitScopeOf, type TransactionQueries, type UnitScope, type WriteDone } from '@jembatan/kit';
import type { WorkforceContext } from '../context';
import {
  CorrectWageInput,
  CorrectWageResult,
  EndContractInput,
  EndContractResult,
  RegisterWorkerInput,
  RegisterWorkerResult,
  RegisterWorkersResult,
  WorkerToRegisterInput,
  TransferWorkerInput,
  TransferWorkerResult,
  Unit,
} from '../types';
import { CORRECT_WAGE_FIELDS, correctWage } from '../writes/correct-wage';
import { END_CONTRACT_FIELDS, endContract } from '../writes/end-contract';
import { NEW_WORKER_FIELDS } from '../writes/new-worker';
import { REGISTER_WORKER_FIELDS, registerWorker } from '../writes/register-worker';
import { MAX_WORKERS_PER_REGISTRATION, registerWorkers } from '../writes/register-workers';
import { TRANSFER_WORKER_FIELDS, transferWorker } from '../writes/transfer-worker';
import { subjectsOfNik } from '../writes/worker-subjects';

const KEY_DESCRIPTION =
  'A key of 8 to 128 letters, digits, "_" or "-" (e.g. a UUID), new for each intended change: sending the same key with the same input again returns the first answer and changes nothing.';

/** One worker's change through runWrite, answered with what it did and whether it was a replay. */
async function writeWorker<TInput extends { nik: string }, TResult extends object>(
  context: WorkforceContext,
  mutation: `Mutation.${string}`,
  fields: readonly string[],
  idempotencyKey: string,
  input: TInput,
  work: (transaction: TransactionQueries, input: TInput, scope: UnitScope) => Promise<WriteDone<TResult>>,
): Promise<TResult & { replayed: boolean }> {
  const attempt = { subjects: subjectsOfNik(input.nik), fields };
  const scope = unitScopeOf(context.caller, mutation);
  const { result, replayed } = await runWrite(context, { mutation, idempotencyKey, input, attempt }, (transaction) =>
    work(transaction, input, scope),
  );
  return { ...result, replayed };
}

/**
 * Pemprov DKI's registry changes, nullable as any refusable field is: a refused change answers
 * null with its error, and the rest of the answer still arrives. Each runs through the kit's runWrite: write rule, idempotency,
 * one audit record and the events to BPJS, in one transaction with the change.
 */
@Resolver()
export class WorkerWritesResolver {
  @Mutation(() => RegisterWorkerResult, {
    nullable: true,
    description:
      'Registers a new contract worker (dki_hr, HR_ADMINISTRATION). BPJS is told by a WorkerRegistered event.',
  })
  async registerWorker(
    @Arg('idempotencyKey', { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Arg('input', { description: 'The worker to register.' }) input: RegisterWorkerInput,
    @Ctx() context: WorkforceContext,
  ) {
    return writeWorker(
      context,
      'Mutation.registerWorker',
      REGISTER_WORKER_FIELDS,
      idempotencyKey,
      input,
      registerWorker,
    );
  }

  @Mutation(() => RegisterWorkersResult, {
    nullable: true,
    description: `Registers a unit's list of new contract workers in one transaction (dki_hr, HR_ADMINISTRATION), at most ${MAX_WORKERS_PER_REGISTRATION} per call (BATCH_TOO_LARGE): one outcome per worker, REGISTERED, ALREADY_REGISTERED or REFUSED with the rule's code. BPJS is told of each one registered by a WorkerRegistered event.`,
  })
  async registerWorkers(
    @Arg('idempotencyKey', { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Arg('unitCode', () => ID, { description: 'The unit all of them are assigned to; an unknown unit is NOT_FOUND.' })
    unitCode: string,
    @Arg('workers', () => [WorkerToRegisterInput], {
      description: 'The workers to register, in the order of the screen.',
    })
    workers: WorkerToRegisterInput[],
    @Ctx() context: WorkforceContext,
  ) {
    const attempt = { subjects: workers.flatMap((worker) => subjectsOfNik(worker.nik)), fields: NEW_WORKER_FIELDS };
    const { result, replayed } = await runWrite(
      context,
      { mutation: 'Mutation.registerWorkers', idempotencyKey, input: { unitCode, workers }, attempt },
      (transaction) =>
        registerWorkers(transaction, { unitCode, workers }, unitScopeOf(context.caller, 'Mutation.registerWorkers')),
    );
    return { ...result, replayed };
  }

  @Mutation(() => EndContractResult, {
    nullable: true,
    description: "Ends a worker's contract on a given last day (dki_hr, HR_ADMINISTRATION); BPJS ends the cover.",
  })
  async endContract(
    @Arg('idempotencyKey', { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Arg('input', { description: 'Whose contract ends, when and why.' }) input: EndContractInput,
    @Ctx() context: WorkforceContext,
  ) {
    return writeWorker(context, 'Mutation.endContract', END_CONTRACT_FIELDS, idempotencyKey, input, endContract);
  }

  @Mutation(() => TransferWorkerResult, {
    nullable: true,
    description: 'Moves a worker to another unit from a date (dki_hr, HR_ADMINISTRATION); BPJS changes the registrar.',
  })
  async transferWorker(
    @Arg('idempotencyKey', { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Arg('input', { description: 'Who moves, where to and from when.' }) input: TransferWorkerInput,
    @Ctx() context: WorkforceContext,
  ) {
    return writeWorker(
      context,
      'Mutation.transferWorker',
      TRANSFER_WORKER_FIELDS,
      idempotencyKey,
      input,
      transferWorker,
    );
  }

  @Mutation(() => CorrectWageResult, {
    nullable: true,
    description: "Corrects a worker's recorded monthly wage (dki_hr, HR_ADMINISTRATION).",
  })
  async correctWage(
    @Arg('idempotencyKey', { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Arg('input', { description: 'Whose wage, and the correct amount.' }) input: CorrectWageInput,
    @Ctx() context: WorkforceContext,
  ) {
    return writeWorker(context, 'Mutation.correctWage', CORRECT_WAGE_FIELDS, idempotencyKey, input, correctWage);
  }
}

@Resolver(() => TransferWorkerResult)
export class TransferWorkerResultResolver {
  @FieldResolver(() => Unit)
  fromUnit(@Root() result: { fromUnitCode: string }, @Ctx() context: WorkforceContext) {
    return context.loaders.unitByCode.load(result.fromUnitCode);
  }
}
