import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { themesForIndicator } from '../common/themes.js';
import { GoodPractice } from '../practice/practice.type.js';
import { Indicator } from './indicator.type.js';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Directive('@requires(fields: "status title outcome { pillar } output { outcome { pillar } }")')
  @FieldResolver(() => [GoodPractice], {
    nullable: true,
    description:
      "Who solved this: up to five published practices from other states for an indicator that is OFF_TRACK (its pillar, and themes named in its title) or has NO_DATA (also monitoring, indicators and reporting); empty when ACHIEVED or ON_TRACK; null when the member's data could not be read.",
  })
  relatedPractices(@Root() indicator: Indicator, @Ctx() context: KnowledgeContext): Promise<GoodPractice[]> | null {
    if (!indicator.status || typeof indicator.title !== 'string') return null;
    const themes = themesForIndicator(indicator.status, indicator.title);
    if (themes.length === 0) return Promise.resolve([]);
    const pillar = indicator.outcome?.pillar ?? indicator.output?.outcome?.pillar ?? null;
    return context.loaders.relatedPractices.load({ excludeCountry: indicator.countryCode, pillars: pillar ? [pillar] : [], themes, limit: 5 });
  }
}
