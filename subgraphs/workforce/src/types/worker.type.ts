import { Directive, Field, ObjectType } from 'type-graphql';
import { DateScalar, RupiahScalar } from '@jembatan/kit';
import { WorkerCategory } from './enums';
import { Unit } from './unit.type';

@Directive('@key(fields: "nik")')
@ObjectType({ description: 'A contract worker of Pemprov DKI. NIK and wage are personal data under UU 27/2022.' })
export class Worker {
  @Field({ description: 'Nomor Induk Kependudukan: the 16-digit national identity number.' })
  nik: string;

  @Field({ description: 'Full name as registered.' })
  name: string;

  @Field(() => WorkerCategory, { description: 'The contract regime the worker is employed under.' })
  category: WorkerCategory;

  @Field(() => Unit, { description: 'The unit the worker is assigned to.' })
  unit?: Unit;

  @Field(() => DateScalar, { description: 'First day of the current contract.' })
  contractStart: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the current contract; null when open-ended.' })
  contractEnd: string | null;

  @Field(() => RupiahScalar, { description: 'Monthly wage in whole Rupiah (the 2016 DKI UMP was Rp3,100,000).' })
  monthlyWage: string;
}
