import { yearBetween } from '@wps/kit';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { MembershipStatus } from '../common/enums.js';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { FrameworkCoverage } from '../progress/coverage.type.js';
import { compareCountryWithRecord, currentIteration, compareWithRecord, readFrameworkRecord, summariseRecordCoverage, type PlanFacts } from './public-record.service.js';
import { NationalActionPlan } from '../common/nap-plan.type.js';
import { AuRecordStatus, PublicNapIteration, PublicNapRecord, PublicRecordCheck, PublicRecordCoverage, RecordDisagreement } from './public-record.type.js';

/** The year asked for, or this year; BAD_USER_INPUT outside 1990–2100. */
const yearOf = (year: number | null | undefined) => (year === null || year === undefined ? new Date().getUTCFullYear() : yearBetween(year, 'year', 1990, 2100));

@Resolver(() => Country)
export class CountryPublicRecordResolver {
  @FieldResolver(() => PublicNapRecord, {
    description:
      'The public record of this state’s NAPs, connected or not (reference data from data/naps.json with sources; not member data). Where the member is connected, its own plans are authoritative.',
  })
  async publicRecord(@Root() country: Country, @Ctx() context: RegionalContext): Promise<PublicNapRecord> {
    const state = await context.loaders.recordStateByCountry.load(country.code);
    return { countryCode: country.code, listed: state !== null };
  }

  @Directive('@requires(fields: "actionPlans { iteration period { start end } adoptedOn }")')
  @FieldResolver(() => [RecordDisagreement], {
    nullable: true,
    description:
      'Where the member’s own plans (authoritative) and the public record differ: each plan against the record’s NAP of its iteration, and every NAP one side lists that the other does not. Empty when they agree; null when the member’s plans could not be read (not connected, or failed).',
  })
  async recordDisagreements(@Root() country: Omit<Country, 'actionPlans'> & { actionPlans?: (PlanFacts | null)[] | null }, @Ctx() context: RegionalContext): Promise<RecordDisagreement[] | null> {
    if (!Array.isArray(country.actionPlans)) return null;
    const plans = country.actionPlans.filter((plan): plan is PlanFacts => plan !== null && Number.isInteger(plan.iteration));
    if (plans.length !== country.actionPlans.length) return null;
    return compareCountryWithRecord(plans, await context.loaders.recordIterationsByCountry.load(country.code));
  }
}

@Resolver(() => PublicNapRecord)
export class PublicNapRecordResolver {
  @FieldResolver(() => [PublicNapIteration], { description: 'Recorded NAPs, first to latest; empty when the record lists none.' })
  iterations(@Root() record: PublicNapRecord, @Ctx() context: RegionalContext): Promise<PublicNapIteration[]> {
    return context.loaders.recordIterationsByCountry.load(record.countryCode);
  }

  @FieldResolver(() => PublicNapIteration, { nullable: true, description: 'The latest recorded NAP (highest iteration), in force or not.' })
  async latest(@Root() record: PublicNapRecord, @Ctx() context: RegionalContext): Promise<PublicNapIteration | null> {
    return (await this.iterations(record, context)).at(-1) ?? null;
  }

  @FieldResolver(() => PublicNapIteration, {
    nullable: true,
    description: 'The latest recorded NAP whose period (both years recorded) covers the year (default: this year); null when none does.',
  })
  async current(@Root() record: PublicNapRecord, @Ctx() context: RegionalContext, @Arg('year', () => Int, { nullable: true }) year?: number | null): Promise<PublicNapIteration | null> {
    const asOf = yearOf(year);
    return currentIteration(await this.iterations(record, context), asOf);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the record lists a second (or later) NAP.' })
  async secondGeneration(@Root() record: PublicNapRecord, @Ctx() context: RegionalContext): Promise<boolean> {
    return (await this.iterations(record, context)).some((entry) => entry.iteration >= 2);
  }

  @FieldResolver(() => AuRecordStatus, { nullable: true, description: 'AU suspension status with its dates; null for a state that is not an AU member.' })
  async auStatus(@Root() record: PublicNapRecord, @Ctx() context: RegionalContext): Promise<AuRecordStatus | null> {
    const memberships = await context.loaders.membershipsByCountry.load(record.countryCode);
    const au = memberships.find((membership) => membership.frameworkCode === 'AU_CRF');
    if (!au) return null;
    const [state, changes] = await Promise.all([context.loaders.recordStateByCountry.load(record.countryCode), context.loaders.auStatusChangesByCountry.load(record.countryCode)]);
    return { suspended: au.status === MembershipStatus.SUSPENDED, note: state?.auStatusNote ?? null, changes };
  }

  @FieldResolver(() => String, { description: 'What the record was read from.' })
  async source(@Ctx() context: RegionalContext): Promise<string> {
    return (await context.loaders.recordSource.load('record')).description;
  }

  @FieldResolver(() => String, { description: 'When the record was gathered (ISO date).' })
  async gathered(@Ctx() context: RegionalContext): Promise<string> {
    return (await context.loaders.recordSource.load('record')).gathered;
  }
}

@Resolver(() => FrameworkCoverage)
export class FrameworkRecordCoverageResolver {
  @FieldResolver(() => PublicRecordCoverage, {
    description:
      'Who has a NAP, a current one and a second generation, by the public record: every member state of the framework counted, connected or not (members, summary: only what connected members serve).',
  })
  async publicRecord(
    @Root() coverage: FrameworkCoverage,
    @Ctx() context: RegionalContext,
    @Arg('year', () => Int, { nullable: true, description: 'Default: this year.' }) year?: number | null,
  ): Promise<PublicRecordCoverage> {
    const asOf = yearOf(year);
    const [{ members, iterations }, source] = await Promise.all([readFrameworkRecord(context.dataSource, coverage.frameworkCode), context.loaders.recordSource.load('record')]);
    return summariseRecordCoverage(members, (code) => iterations.get(code) ?? [], asOf, source);
  }
}

@Resolver(() => NationalActionPlan)
export class PlanPublicRecordResolver {
  @Directive('@requires(fields: "iteration period { start end } adoptedOn")')
  @FieldResolver(() => PublicRecordCheck, {
    nullable: true,
    description:
      'This plan (the member’s own data, authoritative) against the public record’s NAP of the same iteration: where they differ. Served by regional from the fields the member returned; null when they could not be read.',
  })
  async publicRecordCheck(@Root() plan: NationalActionPlan & PlanFacts, @Ctx() context: RegionalContext): Promise<PublicRecordCheck | null> {
    if (!Number.isInteger(plan.iteration)) return null;
    const iterations = await context.loaders.recordIterationsByCountry.load(plan.countryCode);
    return compareWithRecord(plan, iterations.find((entry) => entry.iteration === plan.iteration) ?? null);
  }
}
