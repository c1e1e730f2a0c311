import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { disbursementsOf } from './budget.loaders.js';
import { summariseFinancing } from './financing-summary.js';
import { MemberFinancing, type PlanFinancing } from './financing.type.js';

/** This member's answer to a framework's financing view: its current plan's financing, from its own rows. */
@Resolver(() => MemberFinancing)
export class MemberFinancingResolver {
  @FieldResolver(() => NationalActionPlan, { nullable: true, description: 'The current plan (highest iteration).' })
  async plan(@Root() _row: MemberFinancing, @Ctx() context: NapContext): Promise<NationalActionPlan | null> {
    return (await context.loaders.plansByCountry.load(context.countryCode)).at(-1) ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The currency of the current plan's headline financing figures." })
  async currency(@Root() row: MemberFinancing, @Ctx() context: NapContext): Promise<string | null> {
    return (await this.financingOf(row, context))?.currency ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: "Share of the current plan's disbursements (in its headline currency) that went to civil society." })
  async shareToCivilSociety(@Root() row: MemberFinancing, @Ctx() context: NapContext): Promise<number | null> {
    return (await this.financingOf(row, context))?.shareToCivilSociety ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: "Share of the current plan's disbursements (in its headline currency) that went to grassroots organisations." })
  async shareToGrassroots(@Root() row: MemberFinancing, @Ctx() context: NapContext): Promise<number | null> {
    return (await this.financingOf(row, context))?.shareToGrassroots ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: "The current plan's funding gap in its headline currency." })
  async fundingGap(@Root() row: MemberFinancing, @Ctx() context: NapContext): Promise<number | null> {
    return (await this.financingOf(row, context))?.fundingGap ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether these figures are computed from demo values.' })
  async isDemo(@Root() row: MemberFinancing, @Ctx() context: NapContext): Promise<boolean> {
    return (await this.financingOf(row, context))?.isDemo ?? false;
  }

  /** The loaders cache the rows, so each field recomputes from the same batch. */
  private async financingOf(row: MemberFinancing, context: NapContext): Promise<PlanFinancing | null> {
    const plan = await this.plan(row, context);
    if (!plan) return null;
    const lines = await context.loaders.budgetLinesByPlanId.load(plan.id);
    return summariseFinancing(plan, lines, await disbursementsOf(context.loaders, lines));
  }
}
