import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One NAP iteration of a state as the public record (data/naps.json) gives
 * it: public secondary data with its sources, not member data. Replaced
 * from the data file at every start.
 */
@Entity({ name: 'public_nap_iteration' })
export class PublicNapIterationEntity {
  @PrimaryColumn('char', { name: 'country_code', length: 2 })
  countryCode!: string;

  @PrimaryColumn('integer')
  iteration!: number;

  @Column('integer', { name: 'period_start', nullable: true })
  periodStart!: number | null;

  @Column('integer', { name: 'period_end', nullable: true })
  periodEnd!: number | null;

  /** As precise as the data holds: "2016", "2016-05" or "2016-05-12". */
  @Column('text', { name: 'adopted_on', nullable: true })
  adoptedOn!: string | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text', { name: 'source_conflict', nullable: true })
  sourceConflict!: string | null;

  @Column('boolean')
  verified!: boolean;

  @Column('text', { array: true })
  sources!: string[];
}

/** A state the public record lists (data/naps.json), with the record's own note on its AU status. */
@Entity({ name: 'public_record_state' })
export class PublicRecordStateEntity {
  @PrimaryColumn('char', { name: 'country_code', length: 2 })
  countryCode!: string;

  @Column('text', { name: 'au_status_note', nullable: true })
  auStatusNote!: string | null;
}

/** What a dated change in the record carries besides its date: a detail, how the sources disagree, and the sources. */
export abstract class SourcedChangeColumns {
  @Column('text', { nullable: true })
  detail!: string | null;

  @Column('text', { name: 'source_conflict', nullable: true })
  sourceConflict!: string | null;

  @Column('text', { array: true })
  sources!: string[];
}

/** A dated change of a state's AU membership status (data/memberships.json, AU.statusChanges). */
@Entity({ name: 'au_status_change' })
export class AuStatusChangeEntity extends SourcedChangeColumns {
  @PrimaryColumn('char', { name: 'country_code', length: 2 })
  countryCode!: string;

  /** As precise as the data holds. */
  @PrimaryColumn('text')
  date!: string;

  /** SUSPENDED or REINSTATED. */
  @PrimaryColumn('text')
  change!: string;
}

/** What the record was read from and when (the data files' _about notes): one row. */
@Entity({ name: 'public_record_source' })
export class PublicRecordSourceEntity {
  @PrimaryColumn('integer')
  id!: number;

  @Column('text')
  description!: string;

  @Column('text')
  gathered!: string;
}
