import { IdempotencyKeyArg, isCountryCode } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { CivicTarget } from './civic-enums.js';
import { DraftCivicStatementInput, RegisterCivicAuthorInput, ReviseCivicStatementInput } from './civic-voice.inputs.js';
import { deleteCivicStatementDraft, draftCivicStatement, publishCivicStatement, registerCivicAuthor, reviseCivicStatement } from './civic-voice.service.js';
import { CivicAuthor, CivicStatement, ProgressReport } from './civic-voice.type.js';

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

  /*
   * Does the target exist? The knowledge subgraph holds no member data, so it
   * does not decide: at draft it checks only that the target id is well
   * formed (a UUID) and the country a country code, and the statement names
   * its target by the member's own key. The gateway then asks the member for
   * it (the member's `_entities`), at read time: a plan or report the member
   * does not have reads as null. The member is authoritative for its data,
   * but never for the statement: the statement is kept, published and read
   * whatever the member answers, and while it is offline (`targetPlan` is
   * then null with a MEMBER_UNAVAILABLE error, the statement itself stays).
   * A member that could refuse or hide statements by saying "no such plan"
   * would have a veto over what civil society says about it.
   * A SUBMISSION is keyed by framework and year in the contract, not by id,
   * so it has no such field.
   */
  @FieldResolver(() => NationalActionPlan, {
    nullable: true,
    description:
      "The plan this statement is about (target PLAN), as the member serves it: null when the member has no such plan, or while it is offline (then with an error). Ask for a field the member serves (e.g. title): the key fields alone are answered by the hub without asking the member.",
  })
  targetPlan(@Root() statement: CivicStatement): NationalActionPlan | null {
    return statement.target === CivicTarget.PLAN ? ({ countryCode: statement.countryCode, id: statement.targetId } as NationalActionPlan) : null;
  }

  @FieldResolver(() => ProgressReport, {
    nullable: true,
    description: 'The progress report this statement is about (target REPORT), as the member serves it: null when the member has no such report, or while it is offline (then with an error).',
  })
  targetReport(@Root() statement: CivicStatement): ProgressReport | null {
    return statement.target === CivicTarget.REPORT ? { countryCode: statement.countryCode, id: statement.targetId } : null;
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
