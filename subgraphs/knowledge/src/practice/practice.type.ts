import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AlignmentFramework, Pillar, PracticeStatus, Theme } from '../common/enums.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Something that worked, shared by the network.' })
export class GoodPractice {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => [Theme])
  themes!: Theme[];

  @Field(() => [Pillar], { description: 'UNSCR 1325 pillars the practice serves (empty when it is about the plan as a whole).' })
  pillars!: Pillar[];

  @Field(() => [AlignmentFramework], { description: 'Frameworks the practice helps report against.' })
  frameworks!: AlignmentFramework[];

  @Field(() => String, { description: 'Where it was recorded: a session id, a document reference or a URL.' })
  source!: string;

  @Field(() => Int, { nullable: true, description: 'Year it was recorded, where known.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'What shows that it worked, in the proposer\'s words.' })
  evidence!: string | null;

  @Field(() => PracticeStatus)
  status!: PracticeStatus;

  @Field(() => Date, { nullable: true, description: 'When a network member proposed it; null for practices from the seed data.' })
  proposedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a network admin published or rejected it.' })
  moderatedAt!: Date | null;

  @Field(() => Boolean, { description: 'True for practices generated for the demo network.' })
  isDemo!: boolean;

  /** Not fields: resolved by GoodPracticeResolver, or kept for access checks. */
  countryCodes!: string[];
  sessionId!: string | null;
  proposedBy!: string | null;
  moderationNote!: string | null;
}
