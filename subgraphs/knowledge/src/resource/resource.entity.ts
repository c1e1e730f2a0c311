import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'resource' })
export class ResourceEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  publisher!: string;

  @Column('integer', { nullable: true })
  year!: number | null;

  @Column('text', { nullable: true })
  summary!: string | null;

  @Column('text', { nullable: true })
  url!: string | null;

  @Column('text', { array: true })
  themes!: string[];

  @Column('text', { name: 'country_codes', array: true })
  countryCodes!: string[];

  @Column('text', { array: true })
  frameworks!: string[];

  @Column('text', { array: true })
  pillars!: string[];

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
