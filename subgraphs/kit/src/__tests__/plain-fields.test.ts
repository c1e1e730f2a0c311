import 'reflect-metadata';
import { buildFederatedSchema } from '@wps/kit';
import { graphql, isObjectType, type GraphQLSchema } from 'graphql';
import { Authorized, Field, ObjectType, Query, Resolver, UseMiddleware, type MiddlewareFn } from 'type-graphql';

const shout: MiddlewareFn = async (_, next) => String(await next()).toUpperCase();

@ObjectType()
class Entry {
  @Field(() => String)
  plain!: string;

  @Field(() => String, { name: 'shown' })
  stored!: string;

  @Field(() => String)
  @UseMiddleware(shout)
  shouted!: string;

  @Field(() => String, { nullable: true })
  @Authorized()
  secret!: string;
}

/** A class that asks for type-graphql's resolvers keeps them. */
@ObjectType({ simpleResolvers: false })
class Wrapped {
  @Field(() => String)
  plain!: string;
}

@Resolver(() => Entry)
class EntryResolver {
  @Query(() => Entry)
  entry(): Entry {
    return Object.assign(new Entry(), { plain: 'plain', stored: 'stored', shouted: 'quiet', secret: 'secret' });
  }

  @Query(() => Wrapped)
  wrapped(): Wrapped {
    return Object.assign(new Wrapped(), { plain: 'wrapped' });
  }
}

type Context = { allowed: boolean };

describe('fields that only read their property', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [EntryResolver], authChecker: ({ context }: { context: Context }) => context.allowed });
  });

  const ask = (allowed: boolean) => graphql({ schema, source: '{ entry { plain shown shouted secret } }', contextValue: { allowed } satisfies Context });

  it("resolve by graphql-js's default resolver, with no resolver of type-graphql's around them", async () => {
    const entry = schema.getType('Entry');
    if (!isObjectType(entry)) throw new Error('Entry is not an object type');
    expect(entry.getFields().plain!.resolve).toBeUndefined();
    expect((await ask(true)).data).toEqual({ entry: { plain: 'plain', shown: 'stored', shouted: 'QUIET', secret: 'secret' } });
  });

  it('keep the resolver type-graphql guards them with: a middleware still runs, an @Authorized field is still refused, a renamed field still reads its property, a class that asks for the resolvers keeps them', async () => {
    const entry = schema.getType('Entry');
    if (!isObjectType(entry)) throw new Error('Entry is not an object type');
    for (const name of ['shown', 'shouted', 'secret']) expect(entry.getFields()[name]!.resolve).toBeDefined();
    const wrapped = schema.getType('Wrapped');
    if (!isObjectType(wrapped)) throw new Error('Wrapped is not an object type');
    expect(wrapped.getFields().plain!.resolve).toBeDefined();
    const refused = await ask(false);
    expect(refused.data).toEqual({ entry: { plain: 'plain', shown: 'stored', shouted: 'QUIET', secret: null } });
    expect(refused.errors?.map((error) => error.path?.join('.'))).toEqual(['entry.secret']);
  });
});
