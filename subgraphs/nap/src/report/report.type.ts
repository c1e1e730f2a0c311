import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Period } from '../common/period.type.js';
import { PublicationStatus, ReportKind } from '../common/enums.js';

@ObjectType({ description: 'The decision taken on a recommendation.' })
export class Decision {
  @Field(() => String)
  text!: string;

  @Field(() => String, { nullable: true, description: 'ISO date.' })
  decidedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Who decided, e.g. "Steering committee".' })
  decidedBy!: string | null;
}

@ObjectType()
export class Recommendation {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  text!: string;

  @Field(() => Decision, { nullable: true, description: 'Null while no decision has been taken.' })
  decision!: Decision | null;

  /** Not a field. */
  reportId!: string;
}

@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'A progress report, review or evaluation of a plan, with its findings and the decisions taken on its recommendations.' })
export class ProgressReport {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field(() => String)
  title!: string;

  @Field(() => Period, { description: 'Years the report covers.' })
  period!: Period;

  @Field(() => PublicationStatus)
  status!: PublicationStatus;

  @Field(() => [String])
  findings!: string[];

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Boolean)
  isDemo!: boolean;

  /** Not a field. */
  planId!: string;
}
