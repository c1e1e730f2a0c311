import { isUuid } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { Measurement } from '../measurement/measurement.type.js';
import { assertServes } from '../member/member-guard.js';
import { Indicator } from './indicator.type.js';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => Indicator, { nullable: true, description: 'One national indicator of a member state, by id.' })
  async indicator(
    @Arg('countryCode', () => String) countryCode: string,
    @Arg('id', () => ID) id: string,
    @Ctx() context: NapContext,
  ): Promise<Indicator | null> {
    assertServes(context.countryCode, countryCode);
    return isUuid(id) ? context.loaders.indicatorById.load(id) : null;
  }

  @FieldResolver(() => [Measurement], { description: 'Published values, oldest period first. Drafts stay with the member state.' })
  async measurements(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<Measurement[]> {
    return context.loaders.publishedMeasurementsByIndicatorId.load(indicator.id);
  }
}
