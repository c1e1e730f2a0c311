import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { FactSources } from '../common/fact-sources.type.js';
import { Period } from '../common/period.type.js';
import { PlanStatus } from './plan-status.js';

@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: "A member state's national action plan on Women, Peace and Security." })
export class NationalActionPlan {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the member state that owns the plan.' })
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1 for the first plan, 2 for the second, …' })
  iteration!: number;

  @Field(() => String)
  title!: string;

  @Field(() => Period)
  period!: Period;

  @Field(() => PlanStatus)
  status!: PlanStatus;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date, as precise as known: "2016", "2016-05" or "2016-05-12".' })
  adoptedOn!: string | null;

  @Field(() => FactSources)
  sources!: FactSources;

  @Field(() => [String], {
    description: 'Fields whose values were generated for the demo network and are not official facts (for example "title", "status").',
  })
  demoFields!: string[];
}
