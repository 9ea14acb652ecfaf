import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Segment } from '../types/enums';

/** A BPJS Ketenagakerjaan participant (peserta), identified by KPJ. */
@Entity('participant')
export class ParticipantEntity {
  @PrimaryColumn('text')
  kpj: string;

  @Column('text')
  nik: string;

  @Column('text')
  name: string;

  @Column('text')
  segment: Segment;

  @Column('text', { name: 'registrar_unit_code', nullable: true })
  registrarUnitCode: string | null;

  @Column('date', { name: 'registered_on' })
  registeredOn: string;

  /** The employer that registered this wage earner (PU); null for every other segment. */
  @Column('text', { name: 'employer_npp', nullable: true })
  employerNpp: string | null;

  /** Raised by every change to the participant or their enrolments: what a client's write must name. */
  @Column('integer')
  version: number;

  /** The Pemprov DKI category the registrar gave (PKP, PPSU, KEBERSIHAN); it decides when cover may start. */
  @Column('text', { name: 'worker_category', nullable: true })
  workerCategory: string | null;

  /** The monthly income a BPU's contributions are computed on: for DKI's workers, their wage. Never exposed. */
  @Column('numeric', { name: 'declared_income', precision: 18, scale: 0, nullable: true })
  declaredIncome: string | null;
}
