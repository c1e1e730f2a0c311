import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Facts about the deployment kept in its own database (the country it was created for). */
@Entity({ name: 'member_setting' })
export class MemberSettingEntity {
  @PrimaryColumn('text')
  key!: string;

  @Column('text')
  value!: string;
}
