import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { toFramework } from '../framework/framework.mapper.js';
import { RegionalFramework } from '../framework/framework.type.js';
import { Membership } from './membership.type.js';

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => RegionalFramework)
  async framework(@Root() membership: Membership, @Ctx() context: RegionalContext): Promise<RegionalFramework> {
    const row = await context.loaders.frameworkByCode.load(membership.frameworkCode);
    if (!row) throw new Error(`membership names unknown framework ${membership.frameworkCode}`);
    return toFramework(row);
  }

  @FieldResolver(() => Country)
  country(@Root() membership: Membership): Country {
    return { code: membership.countryCode };
  }
}
