import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'framework' })
export class FrameworkEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text', { name: 'organisation_code' })
  organisationCode!: string;

  @Column('text')
  organisation!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'short_name' })
  shortName!: string;

  @Column('integer', { name: 'period_start', nullable: true })
  periodStart!: number | null;

  @Column('integer', { name: 'period_end', nullable: true })
  periodEnd!: number | null;

  @Column('integer', { name: 'period_extended_to', nullable: true })
  periodExtendedTo!: number | null;

  @Column('text', { name: 'reporting_cycle', nullable: true })
  reportingCycle!: string | null;

  @Column('text', { array: true })
  areas!: string[];

  @Column('text', { array: true })
  sources!: string[];
}
