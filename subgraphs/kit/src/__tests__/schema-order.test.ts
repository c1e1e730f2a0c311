import 'reflect-metadata';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildFederatedSchema } from '@wps/kit';
import { Field, FieldResolver, ObjectType, Query, Resolver } from 'type-graphql';

@ObjectType()
class Plan {
  @Field(() => String)
  id!: string;
}

@ObjectType()
class Report {
  @Field(() => String)
  id!: string;
}

// Loaded (declared) in the order B, A; the schema lists them as `resolvers` says: A, then B.
@Resolver(() => Plan)
class PlanBResolver {
  @FieldResolver(() => String)
  b(): string {
    return 'b';
  }

  @Query(() => String)
  second(): string {
    return 'second';
  }
}

@Resolver(() => Plan)
class PlanAResolver {
  @FieldResolver(() => String)
  a1(): string {
    return 'a1';
  }

  @FieldResolver(() => String)
  a2(): string {
    return 'a2';
  }

  @Query(() => String)
  first(): string {
    return 'first';
  }
}

const namesIn = (sdl: string, type: string) => [...new RegExp(`type ${type} \\{([^}]*)\\}`).exec(sdl)![1]!.matchAll(/^\s+(\w+):/gm)].map((match) => match[1]);

describe('buildFederatedSchema', () => {
  it('lists fields in the order of `resolvers`, after those the class declares, whatever order the resolvers load in', async () => {
    const sdl = printSubgraphSchema(await buildFederatedSchema({ resolvers: [PlanAResolver, PlanBResolver], orphanedTypes: [Report, Plan] }));
    expect(namesIn(sdl, 'Plan')).toEqual(['id', 'a1', 'a2', 'b']);
    expect(namesIn(sdl, 'Query')).toEqual(['first', 'second']);
  });

  it('lists the entity types in the order of `orphanedTypes`', async () => {
    const order = async (orphanedTypes: Parameters<typeof buildFederatedSchema>[0]['orphanedTypes']) => {
      const sdl = printSubgraphSchema(await buildFederatedSchema({ resolvers: [PlanAResolver, PlanBResolver], orphanedTypes }));
      return [sdl.indexOf('type Report'), sdl.indexOf('type Plan')];
    };
    const [reportFirst, planSecond] = await order([Report, Plan]);
    expect(reportFirst).toBeLessThan(planSecond!);
    const [reportSecond, planFirst] = await order([Plan, Report]);
    expect(planFirst).toBeLessThan(reportSecond!);
  });
});
