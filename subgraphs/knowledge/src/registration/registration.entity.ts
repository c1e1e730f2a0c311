import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'session_registration' })
export class SessionRegistrationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'session_id' })
  sessionId!: string;

  @Column('text')
  subject!: string;

  @Column('text')
  status!: string;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}
