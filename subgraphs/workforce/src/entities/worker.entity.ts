import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WorkerCategory } from '../types/enums';

/** A contract worker of Pemprov DKI. NIK and wage are personal data (UU 27/2022). */
@Entity('worker')
export class WorkerEntity {
  @PrimaryColumn('text')
  nik: string;

  @Column('text')
  name: string;

  @Column('text')
  category: WorkerCategory;

  @Column('text', { name: 'unit_code' })
  unitCode: string;

  /** `date` columns arrive as 'YYYY-MM-DD' strings on both engines. */
  @Column('date', { name: 'contract_start' })
  contractStart: string;

  @Column('date', { name: 'contract_end', nullable: true })
  contractEnd: string | null;

  /** `numeric` arrives as a decimal string: exact whole Rupiah. */
  @Column('numeric', { name: 'monthly_wage', precision: 15, scale: 0 })
  monthlyWage: string;

  /** Bumped by every change; a write must name the version it read (optimistic concurrency). */
  @Column('integer')
  version: number;
}
