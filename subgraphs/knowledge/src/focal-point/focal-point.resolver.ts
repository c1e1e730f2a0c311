import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { listFocalPoints } from './focal-point.service.js';
import { FocalPoint } from './focal-point.type.js';

@Resolver(() => FocalPoint)
export class FocalPointResolver {
  @Query(() => [FocalPoint], {
    description: 'The focal point directory (network members only: UNAUTHENTICATED without a token, FORBIDDEN without a network role); one country with countryCode.',
  })
  focalPoints(@Ctx() context: KnowledgeContext, @Arg('countryCode', () => String, { nullable: true }) countryCode?: string | null): Promise<FocalPoint[]> {
    return listFocalPoints(context, countryCode);
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The state a state focal point represents.' })
  country(@Root() focalPoint: FocalPoint): Country | null {
    return focalPoint.countryCode ? { code: focalPoint.countryCode } : null;
  }
}
