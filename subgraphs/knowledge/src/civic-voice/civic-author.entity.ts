import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A civil-society organisation or parliament the network registered: the token subject it signs in as, and the name it publishes under. */
@Entity({ name: 'civic_author' })
export class CivicAuthorEntity {
  @PrimaryColumn('text')
  subject!: string;

  @Column('text')
  organisation!: string;

  @Column('text')
  kind!: string;

  @Column('text', { name: 'country_code', nullable: true })
  countryCode!: string | null;

  @Column('text', { name: 'registered_by' })
  registeredBy!: string;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  /** A fictional organisation of the demo seed. */
  @Column('boolean', { name: 'is_demo', default: false })
  isDemo!: boolean;
}
