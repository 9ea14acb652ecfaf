import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, RupiahScalar } from '@jembatan/kit';
import { WorkerCategory } from './enums';
import { Unit } from './unit.type';

@Directive('@key(fields: "nik")')
@ObjectType({ description: 'A contract worker of Pemprov DKI. NIK and wage are personal data under UU 27/2022.' })
export class Worker {
  @Field({
    description:
      'Nomor Induk Kependudukan: the 16-digit national identity number. Masked (e.g. "3174**********01") for callers who may know that a person exists but not who.',
  })
  nik: string;

  @Field(() => String, {
    nullable: true,
    description: 'Full name as registered; null with a FORBIDDEN error when your roles and purpose do not grant it.',
  })
  name: string;

  @Field(() => WorkerCategory, { description: 'The contract regime the worker is employed under.' })
  category: WorkerCategory;

  @Field(() => Unit, { description: 'The unit the worker is assigned to.' })
  unit?: Unit;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of the current contract; null with a FORBIDDEN error when not granted.',
  })
  contractStart: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the current contract; null when open-ended.' })
  contractEnd: string | null;

  @Field(() => RupiahScalar, {
    nullable: true,
    description:
      'Monthly wage in whole Rupiah (the 2016 DKI UMP was Rp3,100,000). Personal financial data: null with a FORBIDDEN error unless your roles and purpose grant it.',
  })
  monthlyWage: string;

  @Field(() => Int, {
    description:
      "The record's version, bumped by every change: send it back as `expectedVersion` when changing the worker, so a change made meanwhile by someone else is never overwritten unseen.",
  })
  version: number;
}
