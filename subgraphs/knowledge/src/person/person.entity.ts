import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person the knowledge exchange knows: the only table that holds a name,
 * an e-mail address or the link to a sign-in subject. Other rows carry the
 * opaque `person_ref`; erasure deletes this row (migration 1765000000000).
 */
@Entity({ name: 'person' })
export class PersonEntity {
  @PrimaryColumn('uuid', { name: 'person_ref' })
  personRef!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  /** The `sub` of the person's token, when they sign in. */
  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
