import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A span of calendar years. `end` null means open-ended or not known; `start` null means not known.' })
export class Period {
  @Field(() => Int, { nullable: true })
  start!: number | null;

  @Field(() => Int, { nullable: true })
  end!: number | null;
}
