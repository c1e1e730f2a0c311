import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { answerCivicStatement } from './civic-response.service.js';
import { CivicResponse, CivicStatement } from './civic-response.type.js';

@Resolver(() => CivicStatement)
export class CivicStatementResponsesResolver {
  // Nullable (ARCHITECTURE.md's nullability rule): the statement is the hub's, so a state that is down nulls its answers, never the statement.
  @FieldResolver(() => [CivicResponse], { nullable: true, description: "The state's answers, from its own subgraph, latest first; null while the state's subgraph does not answer (the statement stands)." })
  stateResponses(@Root() statement: CivicStatement, @Ctx() context: NapContext): Promise<CivicResponse[]> {
    return context.loaders.civicResponsesByStatementId.load(statement.id);
  }
}

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class CivicResponseMutationResolver {
  @Mutation(() => CivicResponse, { nullable: true, description: "Answer a civic statement about your state (its focal points). The answer is stored with you and public at once." })
  answerCivicStatement(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('body', () => String) body: string,
    @Arg('statementId', () => ID) statementId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<CivicResponse> {
    return answerCivicStatement(openWriteScope(context, countryCode), statementId, body);
  }
}
