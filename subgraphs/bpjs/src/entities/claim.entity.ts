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

  /** Raised by every change: what a decision must name. */
  @Column('integer')
  version: number;

  /** The day of the accident, death or other event claimed for; null on claims loaded from before it was kept. */
  @Column('date', { name: 'incident_date', nullable: true })
  incidentDate: string | null;

  /** The day the claim was paid or rejected. */
  @Column('date', { name: 'decided_on', nullable: true })
  decidedOn: string | null;

  @Column('text', { name: 'rejection_reason', nullable: true })
  rejectionReason: string | null;
}
