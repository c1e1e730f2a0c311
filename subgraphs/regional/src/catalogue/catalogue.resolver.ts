import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RegionalContext } from '../context.js';
import { FrameworkCode, Pillar } from '../enums.js';
import { toFramework } from '../framework/framework.mapper.js';
import { RegionalFramework } from '../framework/framework.type.js';
import { FrameworkIndicator } from './framework-indicator.type.js';

@Resolver(() => FrameworkIndicator)
export class FrameworkIndicatorResolver {
  @Query(() => [FrameworkIndicator], { description: "A framework's indicator catalogue (AU_CRF, EU_GAP_III, OSCE or UN_1325), in catalogue order." })
  async frameworkIndicators(
    @Arg('frameworkCode', () => String) frameworkCode: string,
    @Ctx() context: RegionalContext,
    @Arg('pillar', () => Pillar, { nullable: true }) pillar?: Pillar | null,
  ): Promise<FrameworkIndicator[]> {
    const indicators = await context.loaders.catalogueByFramework.load(frameworkCode);
    return pillar ? indicators.filter((indicator) => indicator.pillar === pillar) : indicators;
  }

  @Query(() => FrameworkIndicator, { nullable: true })
  frameworkIndicator(
    @Arg('frameworkCode', () => String) frameworkCode: string,
    @Arg('code', () => String) code: string,
    @Ctx() context: RegionalContext,
  ): Promise<FrameworkIndicator | null> {
    return context.loaders.frameworkIndicatorByKey.load(`${frameworkCode}/${code}`);
  }

  @FieldResolver(() => RegionalFramework, { nullable: true, description: 'Null for the UN global indicators, which have no regional membership.' })
  async framework(@Root() indicator: FrameworkIndicator, @Ctx() context: RegionalContext): Promise<RegionalFramework | null> {
    if (!(Object.values(FrameworkCode) as string[]).includes(indicator.frameworkCode)) return null;
    const row = await context.loaders.frameworkByCode.load(indicator.frameworkCode);
    return row ? toFramework(row) : null;
  }
}

@Resolver(() => RegionalFramework)
export class FrameworkCatalogueResolver {
  @FieldResolver(() => [FrameworkIndicator], { description: "The framework's indicator catalogue." })
  indicators(
    @Root() framework: RegionalFramework,
    @Ctx() context: RegionalContext,
    @Arg('pillar', () => Pillar, { nullable: true }) pillar?: Pillar | null,
  ): Promise<FrameworkIndicator[]> {
    return new FrameworkIndicatorResolver().frameworkIndicators(framework.code, context, pillar);
  }
}
