import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'session_invitation' })
export class SessionInvitationEntity {
  @PrimaryColumn('text', { name: 'session_id' })
  sessionId!: string;

  @PrimaryColumn('text')
  subject!: string;

  @Column('text', { name: 'invited_by' })
  invitedBy!: string;

  @Column('timestamptz', { name: 'invited_at' })
  invitedAt!: Date;
}
