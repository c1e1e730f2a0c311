import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { ResourceKind, Theme } from '../common/enums.js';
import { listResources } from './resource.service.js';
import { Resource } from './resource.type.js';

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => [Resource], { description: 'Studies, guides, manuals, evaluations and reports: real ones first, newest first.' })
  resources(
    @Ctx() context: KnowledgeContext,
    @Arg('kind', () => ResourceKind, { nullable: true }) kind?: ResourceKind | null,
    @Arg('theme', () => Theme, { nullable: true }) theme?: Theme | null,
  ): Promise<Resource[]> {
    return listResources(context.dataSource, { kind, theme });
  }

  @Query(() => Resource, { nullable: true })
  resource(@Arg('id', () => ID) id: string, @Ctx() context: KnowledgeContext): Promise<Resource | null> {
    return context.loaders.resourceById.load(id);
  }

  @FieldResolver(() => [Country], { description: 'States the resource is about, where it names some.' })
  countries(@Root() resource: Resource): Country[] {
    return resource.countryCodes.map((code) => ({ code }));
  }
}
