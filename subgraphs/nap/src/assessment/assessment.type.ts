import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AssessmentCriterionKey } from '../common/enums.js';

@ObjectType({ description: 'Whether a plan has an M&E framework: most of its indicators have a baseline, a target and a reporting frequency.' })
export class MonitoringFramework {
  @Field(() => Boolean)
  exists!: boolean;

  @Field(() => Int)
  indicatorCount!: number;

  @Field(() => Int)
  withBaseline!: number;

  @Field(() => Int)
  withTarget!: number;

  @Field(() => Int)
  withFrequency!: number;

  @Field(() => Int, { description: 'Indicators with all three.' })
  complete!: number;

  @Field(() => Float, { nullable: true, description: 'complete / indicatorCount; null without indicators.' })
  completeShare!: number | null;

  @Field(() => Boolean, { description: 'True when any indicator counted here is a demo value.' })
  isDemo!: boolean;
}

@ObjectType()
export class AssessmentCriterion {
  @Field(() => AssessmentCriterionKey)
  criterion!: AssessmentCriterionKey;

  @Field(() => Boolean)
  met!: boolean;

  @Field(() => String, { description: "What in the plan's data the judgement rests on." })
  evidence!: string;
}

@ObjectType({ description: "The plan checked against Inclusive Security's high-impact criteria, from its published data." })
export class PlanAssessment {
  @Field(() => [AssessmentCriterion])
  criteria!: AssessmentCriterion[];

  @Field(() => Int)
  metCount!: number;

  @Field(() => Boolean, { description: 'True when any input of the judgement is a demo value.' })
  isDemo!: boolean;

  @Field(() => [String], { description: 'Which inputs are demo values: planFacts (the generated facts in demoFields), indicators, partners, budgetLines, reports.' })
  demoInputs!: string[];
}
