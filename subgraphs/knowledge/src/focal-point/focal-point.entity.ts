import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'focal_point' })
export class FocalPointEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  email!: string;

  @Column('text')
  organisation!: string;

  @Column('text', { name: 'organisation_kind' })
  organisationKind!: string;

  @Column('text', { name: 'country_code', nullable: true })
  countryCode!: string | null;

  @Column('text', { name: 'regional_organisation', nullable: true })
  regionalOrganisation!: string | null;

  @Column('text')
  role!: string;

  /** The `sub` of the member's token, when the directory entry is linked to a sign-in. */
  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
