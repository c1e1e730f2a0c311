import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'membership' })
export class MembershipEntity {
  @PrimaryColumn('text', { name: 'framework_code' })
  frameworkCode!: string;

  @PrimaryColumn('char', { name: 'country_code', length: 2 })
  countryCode!: string;

  @Column('text')
  status!: 'ACTIVE' | 'SUSPENDED';

  @Column('date', { nullable: true })
  since!: string | null;

  @Column('text')
  source!: string;
}
