import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An employer (pemberi kerja) registered with BPJS Ketenagakerjaan, identified by NPP. */
@Entity('employer')
export class EmployerEntity {
  @PrimaryColumn('text')
  npp: string;

  @Column('text')
  name: string;

  /** Kemendagri regency code of the branch the employer is registered at. */
  @Column('text', { name: 'region_code' })
  regionCode: string;

  @Column('date', { name: 'registered_on' })
  registeredOn: string;
}
