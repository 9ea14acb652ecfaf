import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnitKind } from '../types/enums';

/** A row of the work-unit registry (SKPD and UKPD of Pemprov DKI). */
@Entity('unit')
export class UnitEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: UnitKind;

  @Column('text', { name: 'region_code' })
  regionCode: string;

  @Column('text', { name: 'parent_code', nullable: true })
  parentCode: string | null;
}
