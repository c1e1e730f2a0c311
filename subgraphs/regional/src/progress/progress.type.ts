import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { IndicatorStatus, Pillar } from '../common/enums.js';

/**
 * One member state's progress on one framework indicator, as of a year. The
 * regional subgraph lists one per member; the member's own NAP subgraph
 * resolves it (status is external here, null when the member failed).
 */
@Directive('@key(fields: "countryCode frameworkCode indicatorCode year")')
@ObjectType()
export class CountryIndicatorProgress {
  @Field(() => String)
  countryCode!: string;

  @Field(() => String)
  frameworkCode!: string;

  @Field(() => String)
  indicatorCode!: string;

  @Field(() => Int, { description: 'Values up to and including this year count.' })
  year!: number;

  @Directive('@external')
  @Field(() => IndicatorStatus, { nullable: true })
  status?: IndicatorStatus | null;

  @Directive('@external')
  @Field(() => Boolean, { nullable: true })
  isDemo?: boolean | null;
}

@ObjectType({ description: "Counts of members' rows, computed from what the members' subgraphs returned (never from copies)." })
export class ProgressSummary {
  @Field(() => Int, { description: 'Rows counted: framework members (× indicators, for a pillar).' })
  rows!: number;

  @Field(() => Int, { description: 'Rows of members whose NAP subgraph is connected.' })
  connected!: number;

  @Field(() => Int, { description: 'Rows with a published value: achieved + on track + off track.' })
  reporting!: number;

  @Field(() => Int)
  achieved!: number;

  @Field(() => Int)
  onTrack!: number;

  @Field(() => Int)
  offTrack!: number;

  @Field(() => Int, { description: 'Rows of connected members that answered without a published value.' })
  noData!: number;

  @Field(() => Int, { description: 'Rows of members that run no NAP subgraph (not counted as no data).' })
  notConnected!: number;

  @Field(() => Int, { description: 'Rows of connected members that failed in this request (MEMBER_UNAVAILABLE): not counted as no data.' })
  unavailable!: number;

  @Field(() => Float, { nullable: true, description: '(achieved + on track) / reporting; null when nobody reports.' })
  onTrackShare!: number | null;

  @Field(() => Boolean, { description: 'True when any row counted here was computed from demo values (the members say so).' })
  computedFromDemo!: boolean;
}

/** A framework indicator's progress across members, as of a year: the rows, and their summary. */
@Directive('@key(fields: "frameworkCode code year")')
@ObjectType()
export class FrameworkIndicatorProgress {
  @Field(() => String)
  frameworkCode!: string;

  @Field(() => String)
  code!: string;

  @Field(() => Int)
  year!: number;
}

/** A framework pillar's progress across members and its indicators, as of a year. */
@Directive('@key(fields: "frameworkCode pillar year")')
@ObjectType()
export class PillarProgress {
  @Field(() => String)
  frameworkCode!: string;

  @Field(() => Pillar)
  pillar!: Pillar;

  @Field(() => Int)
  year!: number;
}
