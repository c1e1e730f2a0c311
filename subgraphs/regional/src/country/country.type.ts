import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A state, its regional memberships and whether its NAP subgraph is connected.' })
export class Country {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code.' })
  code!: string;
}
