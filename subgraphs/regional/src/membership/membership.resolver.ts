import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RegionalContext } from '../context.js';
import { RegionalFramework } from '../framework/framework.type.js';
import { Membership } from './membership.type.js';

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => RegionalFramework)
  async framework(@Root() membership: Membership, @Ctx() context: RegionalContext): Promise<RegionalFramework> {
    const framework = await context.loaders.frameworkByCode.load(membership.frameworkCode);
    if (!framework) throw new Error(`membership names unknown framework ${membership.frameworkCode}`);
    return framework;
  }
}
