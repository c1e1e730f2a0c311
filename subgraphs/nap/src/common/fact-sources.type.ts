import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where the facts of a record come from, and whether the sources agree.' })
export class FactSources {
  @Field(() => [String], { description: 'Public sources (usually URLs) of the facts.' })
  references!: string[];

  @Field(() => String, { nullable: true, description: 'Context recorded with the facts.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'How the sources disagree, when they do.' })
  conflict!: string | null;

  @Field(() => Boolean, { description: 'False when the facts could not be confirmed in a primary or tracker source.' })
  verified!: boolean;
}
