import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AlignmentFramework, Pillar, ResourceKind, Theme } from '../common/enums.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A study, guide, manual, evaluation or report the network relies on.' })
export class Resource {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Field(() => String)
  publisher!: string;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'What it contains, in a few facts.' })
  summary!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => [Theme], { description: 'For real resources, assigned by the hub from the title and facts (the source data gives none).' })
  themes!: Theme[];

  @Field(() => [Pillar])
  pillars!: Pillar[];

  @Field(() => [AlignmentFramework])
  frameworks!: AlignmentFramework[];

  @Field(() => Boolean, { description: 'True for resources generated for the demo network.' })
  isDemo!: boolean;

  /** Not a field: resolved as `countries`. */
  countryCodes!: string[];
}
