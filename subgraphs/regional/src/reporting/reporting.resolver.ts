import { canSeeDraftsOf } from '@wps/kit';
import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { RegionalFramework } from '../framework/framework.type.js';
import { rowCountries } from '../progress/progress.service.js';
import { cycleCodeOf } from './reporting-cycle.seed.js';
import { toReceipt } from './reporting.mapper.js';
import { memberRow, recordReceipt, requireCycle, summariseCycle } from './reporting.service.js';
import { CycleMemberRow, CycleSummary, MemberCycleSubmission, ReportingCycle, ReportingCycleStatus, SubmissionReceipt } from './reporting.type.js';

type StatusWithMembers = ReportingCycleStatus & { members?: (MemberCycleSubmission | null)[] };

/** The members' rows of a cycle, each from the hub's receipts and the member's answer at its own position (checked: the content must name that member). */
async function rowsOf(status: StatusWithMembers, context: RegionalContext): Promise<CycleMemberRow[]> {
  const cycle = await context.loaders.cycleByCode.load(status.cycleCode);
  if (!cycle) return [];
  const [countries, receipts] = await Promise.all([rowCountries(context, cycle.frameworkCode), context.loaders.receiptsByCycle.load(cycle.code)]);
  const now = new Date();
  return Promise.all(
    countries.map(async (countryCode, index) => {
      const answered = status.members?.[index] ?? null;
      const own = answered ? { ...answered, countryCode, frameworkCode: cycle.frameworkCode, year: cycle.year } : null;
      return memberRow(cycle, countryCode, await context.loaders.memberStatusByCountry.load(countryCode), receipts, own, now);
    }),
  );
}

@Resolver(() => ReportingCycle)
export class ReportingCycleResolver {
  @Query(() => [ReportingCycle], { description: "A framework's reporting cycles, oldest first (AU_CRF, CEDAW_GR30, EU_GAP_III, OSCE or UN_1325)." })
  reportingCycles(@Arg('frameworkCode', () => String) frameworkCode: string, @Ctx() context: RegionalContext): Promise<ReportingCycle[]> {
    return context.loaders.cyclesByFramework.load(frameworkCode);
  }

  @Query(() => ReportingCycle, { nullable: true })
  reportingCycle(@Arg('code', () => String) code: string, @Ctx() context: RegionalContext): Promise<ReportingCycle | null> {
    return context.loaders.cycleByCode.load(code);
  }

  @FieldResolver(() => ReportingCycleStatus, { description: 'Which members have submitted, are late, or have gaps; computed through federation at query time.' })
  status(@Root() cycle: ReportingCycle): ReportingCycleStatus {
    return { cycleCode: cycle.code };
  }
}

@Resolver(() => RegionalFramework)
export class FrameworkReportingCyclesResolver {
  @FieldResolver(() => [ReportingCycle], { description: "The framework's reporting cycles, oldest first." })
  reportingCycles(@Root() framework: RegionalFramework, @Ctx() context: RegionalContext): Promise<ReportingCycle[]> {
    return context.loaders.cyclesByFramework.load(framework.code);
  }
}

@Resolver(() => ReportingCycleStatus)
export class ReportingCycleStatusResolver {
  @FieldResolver(() => ReportingCycle, { nullable: true })
  cycle(@Root() status: ReportingCycleStatus, @Ctx() context: RegionalContext): Promise<ReportingCycle | null> {
    return context.loaders.cycleByCode.load(status.cycleCode);
  }

  @FieldResolver(() => [MemberCycleSubmission], { description: "One per member: what each member's own subgraph says it submitted (the content stays with the member)." })
  async members(@Root() status: ReportingCycleStatus, @Ctx() context: RegionalContext): Promise<MemberCycleSubmission[]> {
    const cycle = await context.loaders.cycleByCode.load(status.cycleCode);
    if (!cycle) return [];
    return (await rowCountries(context, cycle.frameworkCode)).map((countryCode) => ({ countryCode, frameworkCode: cycle.frameworkCode, year: cycle.year }));
  }

  @Directive('@requires(fields: "members { submittedVersion submittedContent }")')
  @FieldResolver(() => [CycleMemberRow], { description: "One row per member, in the members' order: its receipt, and whether what it returns now agrees." })
  rows(@Root() status: StatusWithMembers, @Ctx() context: RegionalContext): Promise<CycleMemberRow[]> {
    return rowsOf(status, context);
  }

  @Directive('@requires(fields: "members { submittedVersion submittedContent }")')
  @FieldResolver(() => CycleSummary)
  async summary(@Root() status: StatusWithMembers, @Ctx() context: RegionalContext): Promise<CycleSummary> {
    return summariseCycle(await rowsOf(status, context));
  }
}

@Resolver(() => MemberCycleSubmission)
export class MemberCycleSubmissionResolver {
  @FieldResolver(() => Country)
  country(@Root() submission: MemberCycleSubmission): Country {
    return { code: submission.countryCode };
  }

  @FieldResolver(() => ReportingCycle, { nullable: true })
  cycle(@Root() submission: MemberCycleSubmission, @Ctx() context: RegionalContext): Promise<ReportingCycle | null> {
    return context.loaders.cycleByCode.load(cycleCodeOf(submission.frameworkCode, submission.year));
  }

  @Directive('@requires(fields: "submittedVersion submittedContent submittedContentHash")')
  @FieldResolver(() => SubmissionReceipt, {
    nullable: true,
    description:
      "The hub's receipt of the version the member returns as submitted. Asked by this member's focal point (submitSubmission's answer asks it), a version the hub has not received yet is recorded, hashed by the hub from the content returned here; a received version is never replaced. Anyone else reads the receipt the hub holds.",
  })
  async hubReceipt(@Root() submission: MemberCycleSubmission, @Ctx() context: RegionalContext): Promise<SubmissionReceipt | null> {
    const cycle = requireCycle(await context.loaders.cycleByCode.load(cycleCodeOf(submission.frameworkCode, submission.year)), submission);
    const { principal } = context;
    if (!canSeeDraftsOf(principal, submission.countryCode)) {
      const held = (await context.loaders.receiptsByCycle.load(cycle.code)).find((receipt) => receipt.countryCode === submission.countryCode && receipt.version === submission.submittedVersion);
      return held ? toReceipt(held, cycle.dueOn) : null;
    }
    const receipt = await recordReceipt(context.dataSource, principal, cycle, submission);
    context.loaders.receiptsByCycle.clear(cycle.code);
    return receipt;
  }
}
