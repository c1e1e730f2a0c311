import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { GoodPractice } from '../practice/practice.type.js';
import { Country } from './country.type.js';

@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => [GoodPractice], { nullable: true, description: 'Good practices tied to this state.' })
  async goodPractices(@Root() country: Country, @Ctx() context: KnowledgeContext): Promise<GoodPractice[]> {
    return (await context.loaders.practicesByCountry.load(country.code)).map((entry) => entry.practice);
  }
}
