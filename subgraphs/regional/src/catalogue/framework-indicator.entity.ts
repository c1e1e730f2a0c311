import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'framework_indicator' })
export class FrameworkIndicatorEntity {
  @PrimaryColumn('text', { name: 'framework_code' })
  frameworkCode!: string;

  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  pillar!: string | null;

  @Column('text', { nullable: true })
  level!: string | null;

  @Column('integer')
  position!: number;

  @Column('boolean')
  illustrative!: boolean;

  @Column('text')
  source!: string;

  @Column('timestamptz', { name: 'imported_at' })
  importedAt!: Date;
}
