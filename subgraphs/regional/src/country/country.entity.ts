import { Entity, PrimaryColumn } from 'typeorm';

/** The states the hub knows (members of a framework or with NAP data); names come from ISO 3166 at read time. */
@Entity({ name: 'country' })
export class CountryEntity {
  @PrimaryColumn('char', { length: 2 })
  code!: string;
}
