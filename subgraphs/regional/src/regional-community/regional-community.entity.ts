import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SourcedChangeColumns } from '../public-record/public-record.entity.js';

/**
 * A regional economic community the AU recognises (data/regional-economic-communities.json):
 * public reference data with its sources, replaced from the data file at every start.
 */
@Entity({ name: 'regional_community' })
export class RegionalCommunityEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('boolean', { name: 'members_complete' })
  membersComplete!: boolean;

  /** As precise as the data holds: "2024", "2024-03" or "2024-03-04". */
  @Column('text', { name: 'as_of' })
  asOf!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text', { array: true })
  sources!: string[];
}

/** A member state of a regional economic community. */
@Entity({ name: 'regional_community_member' })
export class RegionalCommunityMemberEntity {
  @PrimaryColumn('text', { name: 'community_code' })
  communityCode!: string;

  @PrimaryColumn('char', { name: 'country_code', length: 2 })
  countryCode!: string;
}

/** A dated change of a community's membership: a state joined or left. */
@Entity({ name: 'regional_community_change' })
export class RegionalCommunityChangeEntity extends SourcedChangeColumns {
  @PrimaryColumn('text', { name: 'community_code' })
  communityCode!: string;

  @PrimaryColumn('char', { name: 'country_code', length: 2 })
  countryCode!: string;

  /** JOINED or LEFT. */
  @PrimaryColumn('text')
  change!: string;

  /** As precise as the data holds. */
  @PrimaryColumn('text')
  date!: string;
}

/** A regional action plan (or strategy) on WPS (data/regional-action-plans.json). */
@Entity({ name: 'regional_action_plan' })
export class RegionalActionPlanEntity {
  @PrimaryColumn('text')
  key!: string;

  @Column('text')
  body!: string;

  /** The body's regional economic community, when it is one. */
  @Column('text', { name: 'community_code', nullable: true })
  communityCode!: string | null;

  @Column('text')
  title!: string;

  @Column('integer', { name: 'period_start', nullable: true })
  periodStart!: number | null;

  @Column('integer', { name: 'period_end', nullable: true })
  periodEnd!: number | null;

  /** As precise as the data holds. */
  @Column('text', { name: 'adopted_on', nullable: true })
  adoptedOn!: string | null;

  @Column('boolean')
  verified!: boolean;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text', { name: 'source_conflict', nullable: true })
  sourceConflict!: string | null;

  @Column('text', { array: true })
  sources!: string[];
}
