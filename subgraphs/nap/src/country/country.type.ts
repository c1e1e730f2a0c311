import { Directive, Field, ObjectType } from 'type-graphql';

/** The regional subgraph owns Country; a member adds its plans to its own country. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A state; the NAP contract adds the plans its member deployment serves.' })
export class Country {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code.' })
  code!: string;
}
