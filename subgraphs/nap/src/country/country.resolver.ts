import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { assertServes } from '../member/member-guard.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { Country } from './country.type.js';

@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => [NationalActionPlan], {
    nullable: true,
    description: "The member state's plans, first to latest; null when its member subgraph is not connected or failed.",
  })
  async actionPlans(@Root() country: Country, @Ctx() context: NapContext): Promise<NationalActionPlan[]> {
    assertServes(context.countryCode, country.code);
    return context.loaders.plansByCountry.load(country.code);
  }

  @FieldResolver(() => NationalActionPlan, {
    nullable: true,
    description: 'The most recent plan (highest iteration), in force or not; see NationalActionPlan.inForce.',
  })
  async currentActionPlan(@Root() country: Country, @Ctx() context: NapContext): Promise<NationalActionPlan | null> {
    assertServes(context.countryCode, country.code);
    const plans = await context.loaders.plansByCountry.load(country.code);
    return plans.at(-1) ?? null;
  }
}
