import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { RecordDate, RecordPeriod } from '../public-record/public-record.type.js';

export enum CommunityMembershipChangeKind {
  JOINED = 'JOINED',
  LEFT = 'LEFT',
}

registerEnumType(CommunityMembershipChangeKind, { name: 'CommunityMembershipChangeKind', description: 'A state joined or left a regional economic community.' });

@ObjectType({
  description:
    'One of the eight regional economic communities the African Union recognises (AMU/UMA, CEN-SAD, COMESA, EAC, ECCAS, ECOWAS, IGAD, SADC), with its members as the sources give them: public reference data from data/regional-economic-communities.json, not member data.',
})
export class RegionalEconomicCommunity {
  @Field(() => String, { description: 'Its acronym, such as "ECOWAS" or "CEN-SAD".' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { description: 'False when the sources disagree on the members or none lists them in full (note says how).' })
  membersComplete!: boolean;

  @Field(() => RecordDate, { description: 'The members as of this date (the latest source read).' })
  asOf!: RecordDate;

  @Field(() => [String], { description: 'Public sources (URLs) of the membership.' })
  sources!: string[];

  @Field(() => String, { nullable: true, description: 'Context recorded with the membership.' })
  note!: string | null;
}

@ObjectType({ description: 'A dated change of a regional economic community’s membership, with its sources.' })
export class CommunityMembershipChange {
  /** The state's code (Country is resolved from it). */
  countryCode!: string;

  @Field(() => CommunityMembershipChangeKind)
  change!: CommunityMembershipChangeKind;

  @Field(() => RecordDate, { description: 'When it took effect, as precise as the sources give it.' })
  date!: RecordDate;

  @Field(() => String, { nullable: true })
  detail!: string | null;

  @Field(() => [String])
  sources!: string[];

  @Field(() => String, { nullable: true, description: 'How the sources disagree, when they do.' })
  sourceConflict!: string | null;
}

@ObjectType({
  description:
    'A regional action plan (or strategy) on women, peace and security (UNSCR 1325 and its follow-up resolutions) of a regional body, as the public record gives it (data/regional-action-plans.json, with sources).',
})
export class RegionalActionPlan {
  @Field(() => String, { description: 'The body and year, such as "ECOWAS-2010".' })
  key!: string;

  @Field(() => String, { description: 'The regional body that adopted it.' })
  body!: string;

  /** The body's community code, when it is one (RegionalActionPlan.community is resolved from it). */
  communityCode!: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => RecordPeriod)
  period!: RecordPeriod;

  @Field(() => RecordDate, { nullable: true, description: 'Null when the sources give no adoption date.' })
  adopted!: RecordDate | null;

  @Field(() => [String], { description: 'Public sources (URLs) of these facts.' })
  sources!: string[];

  @Field(() => Boolean, { description: 'False when the facts could not be confirmed in a primary or tracker source.' })
  verified!: boolean;

  @Field(() => String, { nullable: true, description: 'Context recorded with the facts.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'How the sources disagree, when they do.' })
  sourceConflict!: string | null;
}
