import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AssessmentCriterionKey, Theme } from '../common/enums.js';
import { GoodPractice } from '../practice/practice.type.js';

/** The NAP contract's assessment, as far as knowledge reads it (through @requires). */
@ObjectType()
export class AssessmentCriterion {
  @Directive('@external')
  @Field(() => AssessmentCriterionKey)
  criterion!: AssessmentCriterionKey;

  @Directive('@external')
  @Field(() => Boolean)
  met!: boolean;
}

@ObjectType()
export class PlanAssessment {
  @Directive('@external')
  @Field(() => [AssessmentCriterion])
  criteria!: AssessmentCriterion[];
}

/** The NAP contract owns the plan; knowledge adds practices that answer its weak spots. */
@Directive('@key(fields: "countryCode id")')
@ObjectType()
export class NationalActionPlan {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => PlanAssessment)
  assessment!: PlanAssessment;
}

@ObjectType({ description: "An unmet high-impact criterion of a plan, and practices from other states that answer it." })
export class PlanWeakSpot {
  @Field(() => AssessmentCriterionKey)
  criterion!: AssessmentCriterionKey;

  @Field(() => [Theme], { description: 'The themes of the network that answer it.' })
  themes!: Theme[];

  @Field(() => [GoodPractice], { description: 'Up to three published practices from other states.' })
  practices!: GoodPractice[];
}
