import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'output' })
export class OutputEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'outcome_id' })
  outcomeId!: string;

  @Column('text')
  code!: string;

  @Column('text')
  statement!: string;

  @Column('integer')
  position!: number;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
