import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClaimStatus, Program } from '../types/enums';

/** A benefit claim filed at a BPJS branch office. */
@Entity('claim')
export class ClaimEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  kpj: string;

  @Column('text')
  program: Program;

  @Column('date', { name: 'filed_on' })
  filedOn: string;

  @Column('text')
  status: ClaimStatus;

  @Column('numeric', { precision: 18, scale: 0 })
  amount: string;

  /** Kemendagri code of the regency/city whose branch office took the claim. */
  @Column('text', { name: 'region_code' })
  regionCode: string;
}
