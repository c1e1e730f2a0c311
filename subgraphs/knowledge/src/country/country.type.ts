import { Directive, Field, ObjectType } from 'type-graphql';

/** The regional subgraph owns Country; knowledge adds what the network learned there. */
@Directive('@key(fields: "code")')
@ObjectType()
export class Country {
  @Field(() => String)
  code!: string;
}
