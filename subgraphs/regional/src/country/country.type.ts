import { Directive, Field, ObjectType } from 'type-graphql';
import { NationalActionPlan } from '../common/nap-plan.type.js';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A state, its regional memberships and whether its NAP subgraph is connected.' })
export class Country {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code.' })
  code!: string;

  /** The member's own plans (its NAP subgraph serves them): read only through @requires, by Country.recordDisagreements. */
  @Directive('@external')
  @Field(() => [NationalActionPlan], { nullable: true })
  actionPlans?: NationalActionPlan[] | null;
}
