import { IdempotencyKeyArg, isCountryCode } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { CivicTarget } from './civic-enums.js';
import { DraftCivicStatementInput, RegisterCivicAuthorInput, ReviseCivicStatementInput } from './civic-voice.inputs.js';
import { deleteCivicStatementDraft, draftCivicStatement, publishCivicStatement, registerCivicAuthor, reviseCivicStatement } from './civic-voice.service.js';
import { CivicAuthor, CivicStatement } from './civic-voice.type.js';

@Resolver(() => CivicStatement)
export class CivicStatementResolver {
  @Query(() => [CivicStatement], {
    description:
      "Shadow reports and comments by civil society and parliaments on a state's plans, reports and submissions: the published ones (and your own drafts), newest first. Served by the hub, so they read while the member is offline.",
  })
  async civicStatements(
    @Arg('countryCode', () => String) countryCode: string,
    @Arg('target', () => CivicTarget, { nullable: true }) target: CivicTarget | null | undefined,
    @Arg('targetId', () => ID, { nullable: true }) targetId: string | null | undefined,
    @Ctx() context: KnowledgeContext,
  ): Promise<CivicStatement[]> {
    const code = countryCode.trim().toUpperCase();
    if (!isCountryCode(code)) return [];
    const statements = await context.loaders.civicStatementsByCountry.load(code);
    return statements.filter((statement) => (target == null || statement.target === target) && (targetId == null || statement.targetId === targetId));
  }

  @Mutation(() => CivicAuthor, { description: 'Register a civil-society organisation or parliament by its token subject (network admins only).' })
  registerCivicAuthor(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => RegisterCivicAuthorInput) input: RegisterCivicAuthorInput,
    @Ctx() context: KnowledgeContext,
  ): Promise<CivicAuthor> {
    return registerCivicAuthor(context, input);
  }

  @Mutation(() => CivicStatement, { description: 'Draft a shadow report or comment (a registered CSO or PARLIAMENT). Only you see it until you publish it.' })
  draftCivicStatement(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => DraftCivicStatementInput) input: DraftCivicStatementInput,
    @Ctx() context: KnowledgeContext,
  ): Promise<CivicStatement> {
    return draftCivicStatement(context, input);
  }

  @Mutation(() => CivicStatement, { description: 'Revise your DRAFT statement. A published one is fixed.' })
  reviseCivicStatement(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => ReviseCivicStatementInput) input: ReviseCivicStatementInput,
    @Arg('id', () => ID) id: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<CivicStatement> {
    return reviseCivicStatement(context, id, input);
  }

  @Mutation(() => Boolean, { description: 'Delete your DRAFT statement. A published one cannot be deleted, by anyone.' })
  deleteCivicStatementDraft(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('id', () => ID) id: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<boolean> {
    return deleteCivicStatementDraft(context, id);
  }

  @Mutation(() => CivicStatement, { description: 'Publish your DRAFT statement: from then on the public reads it, and nobody can change or delete it.' })
  publishCivicStatement(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('id', () => ID) id: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<CivicStatement> {
    return publishCivicStatement(context, id);
  }
}

@Resolver(() => Country)
export class CountryCivicStatementsResolver {
  @FieldResolver(() => [CivicStatement], { description: 'Published shadow reports and comments by civil society and parliaments about this state, newest first.' })
  civicStatements(@Root() country: Country, @Ctx() context: KnowledgeContext): Promise<CivicStatement[]> {
    return context.loaders.civicStatementsByCountry.load(country.code);
  }
}

@Resolver(() => NationalActionPlan)
export class PlanCivicStatementsResolver {
  @FieldResolver(() => [CivicStatement], { description: 'Published shadow reports and comments on this plan, kept by the hub.' })
  async civicStatements(@Root() plan: NationalActionPlan, @Ctx() context: KnowledgeContext): Promise<CivicStatement[]> {
    const statements = await context.loaders.civicStatementsByTarget.load(`${CivicTarget.PLAN}:${plan.id}`);
    return statements.filter((statement) => statement.countryCode === plan.countryCode);
  }
}
