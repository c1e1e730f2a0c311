import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { FrameworkCode } from '../common/enums.js';

@ObjectType({ description: 'Years a framework covers.' })
export class FrameworkPeriod {
  @Field(() => Int, { nullable: true })
  start!: number | null;

  @Field(() => Int, { nullable: true, description: 'Null when open-ended.' })
  end!: number | null;

  @Field(() => Int, { nullable: true, description: 'When the framework was extended beyond its original end.' })
  extendedTo!: number | null;
}

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A regional framework and the states that report against it.' })
export class RegionalFramework {
  @Field(() => FrameworkCode)
  code!: FrameworkCode;

  @Field(() => String, { description: 'For example "AU CRF".' })
  shortName!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String, { description: 'AU, EU or OSCE.' })
  organisationCode!: string;

  @Field(() => FrameworkPeriod)
  period!: FrameworkPeriod;

  @Field(() => String, { nullable: true })
  reportingCycle!: string | null;

  @Field(() => [String], { description: 'Pillars or thematic areas, as the framework names them.' })
  areas!: string[];

  @Field(() => [String], { description: 'Public sources of these facts.' })
  sources!: string[];
}
