import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: "The state's answer to a civic statement, stored with the member (the statement itself is kept by the hub)." })
export class CivicResponse {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String, { description: 'Who answered, as the public sees it: a role and a country, never a person.' })
  respondedBy!: string;

  @Field(() => Date)
  respondedAt!: Date;

  /** Not a field: the statement it answers. */
  statementId!: string;
}

/** A civic statement (knowledge subgraph owns it); the member adds its own answer. */
@Directive('@key(fields: "countryCode id")')
@ObjectType()
export class CivicStatement {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;
}
