import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Program } from '../types/enums';

/** A participant's membership of one programme over a period. */
@Entity('enrollment')
export class EnrollmentEntity {
  @PrimaryColumn('text')
  kpj: string;

  @PrimaryColumn('text')
  program: Program;

  @PrimaryColumn('date')
  since: string;

  @Column('date', { nullable: true })
  until: string | null;
}
