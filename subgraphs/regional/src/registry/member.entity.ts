import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member state's NAP subgraph registered with the hub. */
@Entity({ name: 'member' })
export class MemberEntity {
  @PrimaryColumn('char', { name: 'country_code', length: 2 })
  countryCode!: string;

  @Column('text')
  endpoint!: string;

  @Column('text')
  status!: 'ACTIVE' | 'QUARANTINED' | 'OFFLINE';

  @Column('text', { name: 'contract_version', nullable: true })
  contractVersion!: string | null;

  @Column('timestamptz', { name: 'last_checked_at', nullable: true })
  lastCheckedAt!: Date | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  /** Raised by every admin change (register, update, the seed), not by a recorded check; bigint, so a string. */
  @Column('bigint')
  revision!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
