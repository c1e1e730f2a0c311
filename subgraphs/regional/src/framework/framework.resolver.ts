import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { FrameworkCode } from '../common/enums.js';
import type { RegionalContext } from '../context.js';
import { RegionalFramework } from './framework.type.js';

@Resolver(() => RegionalFramework)
export class FrameworkResolver {
  @Query(() => [RegionalFramework], { description: 'The regional frameworks the hub reports against.' })
  async frameworks(@Ctx() context: RegionalContext): Promise<RegionalFramework[]> {
    const frameworks = await context.loaders.frameworkByCode.loadMany(Object.values(FrameworkCode));
    return frameworks.filter((framework): framework is RegionalFramework => framework !== null && !(framework instanceof Error));
  }

  @Query(() => RegionalFramework, { nullable: true })
  framework(@Arg('code', () => FrameworkCode) code: FrameworkCode, @Ctx() context: RegionalContext): Promise<RegionalFramework | null> {
    return context.loaders.frameworkByCode.load(code);
  }
}
