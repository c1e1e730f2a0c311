import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { FrameworkCode, Pillar } from '../common/enums.js';
import type { RegionalContext } from '../context.js';
import { RegionalFramework } from '../framework/framework.type.js';
import { catalogueOf } from './catalogue.loaders.js';
import { FrameworkIndicator } from './framework-indicator.type.js';

@Resolver(() => FrameworkIndicator)
export class FrameworkIndicatorResolver {
  @Query(() => [FrameworkIndicator], { description: "A framework's indicator catalogue (AU_CRF, CEDAW_GR30, EU_GAP_III, OSCE or UN_1325), in catalogue order." })
  async frameworkIndicators(
    @Arg('frameworkCode', () => String) frameworkCode: string,
    @Ctx() context: RegionalContext,
    @Arg('pillar', () => Pillar, { nullable: true }) pillar?: Pillar | null,
  ): Promise<FrameworkIndicator[]> {
    return catalogueOf(context.loaders.catalogueByFramework, frameworkCode, pillar);
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
    return context.loaders.frameworkByCode.load(indicator.frameworkCode);
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
    return catalogueOf(context.loaders.catalogueByFramework, framework.code, pillar);
  }
}

