import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonEntity } from '../person/person.entity.js';

@Entity({ name: 'focal_point' })
export class FocalPointEntity {
  @PrimaryColumn('text')
  id!: string;

  /** The person of the entry: their name, e-mail and sign-in subject live there (erasure deletes both rows). */
  @Column('uuid', { name: 'person_ref' })
  personRef!: string;

  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'person_ref' })
  person?: PersonEntity;

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

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
