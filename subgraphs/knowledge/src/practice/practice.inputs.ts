import { Field, InputType, Int } from 'type-graphql';
import { AlignmentFramework, Pillar, Theme } from '../common/enums.js';

@InputType({ description: 'A practice a network member proposes; it stays a DRAFT until a network admin publishes it.' })
export class ProposeGoodPracticeInput {
  @Field(() => String, { description: '5 to 160 characters.' })
  title!: string;

  @Field(() => String, { description: 'What was done and with what effect, 20 to 1,000 characters.' })
  summary!: string;

  @Field(() => [Theme], { description: 'One to five themes.' })
  themes!: Theme[];

  @Field(() => [String], { defaultValue: [], description: 'ISO 3166-1 alpha-2 codes of the states where it was done.' })
  countryCodes!: string[];

  @Field(() => [Pillar], { defaultValue: [] })
  pillars!: Pillar[];

  @Field(() => [AlignmentFramework], { defaultValue: [] })
  frameworks!: AlignmentFramework[];

  @Field(() => Int, { nullable: true, description: 'Year it was done, 1990 to next year.' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'What shows that it worked (at most 4,000 characters).' })
  evidence?: string | null;

  @Field(() => String, { nullable: true, description: 'A document reference or URL; default "Proposed by a network member".' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'The learning session where it was shared, if any.' })
  sessionId?: string | null;
}
