import { buildFederatedSchema } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import { AuditResolver } from './audit/audit.resolver.js';
import { BudgetLineMutationResolver } from './budget/budget-mutation.resolver.js';
import { BudgetLineResolver } from './budget/budget.resolver.js';
import { BudgetLine } from './budget/budget.type.js';
import { resolveCountryReference } from './country/country.reference.js';
import { CountryResolver } from './country/country.resolver.js';
import { Country } from './country/country.type.js';
import { IndicatorMutationResolver } from './indicator/indicator-mutation.resolver.js';
import { IndicatorResolver } from './indicator/indicator.resolver.js';
import { Indicator } from './indicator/indicator.type.js';
import { LogframeMutationResolver } from './logframe/logframe-mutation.resolver.js';
import { ActivityResolver, OutcomeResolver, OutputResolver } from './logframe/logframe.resolver.js';
import { Activity, Outcome, Output } from './logframe/logframe.type.js';
import { MeasurementMutationResolver } from './measurement/measurement-mutation.resolver.js';
import { MeasurementResolver } from './measurement/measurement.resolver.js';
import { Measurement } from './measurement/measurement.type.js';
import { entityReference, memberScoped } from './member/entity-reference.js';
import { PartnerMutationResolver } from './partner/partner-mutation.resolver.js';
import { ImplementingPartner } from './partner/partner.type.js';
import { PlanMutationResolver } from './plan/plan-mutation.resolver.js';
import { PlanResolver } from './plan/plan.resolver.js';
import { NationalActionPlan } from './plan/plan.type.js';
import { CountryIndicatorProgressResolver, MemberAlignmentsResolver, MemberCoverageResolver } from './progress/progress.resolver.js';
import { CountryIndicatorProgress, MemberAlignments, MemberCoverage } from './progress/progress.type.js';
import { ProgressReportMutationResolver } from './report/report-mutation.resolver.js';
import { ProgressReportResolver } from './report/report.resolver.js';
import { ProgressReport } from './report/report.type.js';

/** The NAP contract as a Federation 2 subgraph schema (the same for every member state). */
export function buildNapSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        AuditResolver,
        IndicatorResolver,
        PlanResolver,
        CountryResolver,
        OutcomeResolver,
        OutputResolver,
        ActivityResolver,
        MeasurementResolver,
        BudgetLineResolver,
        ProgressReportResolver,
        CountryIndicatorProgressResolver,
        MemberCoverageResolver,
        MemberAlignmentsResolver,
        BudgetLineMutationResolver,
        IndicatorMutationResolver,
        LogframeMutationResolver,
        MeasurementMutationResolver,
        PartnerMutationResolver,
        PlanMutationResolver,
        ProgressReportMutationResolver,
      ],
      orphanedTypes: [
        ImplementingPartner,
        BudgetLine,
        Outcome,
        Output,
        Activity,
        NationalActionPlan,
        Country,
        Indicator,
        Measurement,
        ProgressReport,
        CountryIndicatorProgress,
        MemberCoverage,
        MemberAlignments,
      ],
    },
    {
      Country: resolveCountryReference,
      NationalActionPlan: entityReference((context, id) => context.loaders.planById.load(id)),
      Outcome: entityReference((context, id) => context.loaders.outcomeById.load(id)),
      Output: entityReference((context, id) => context.loaders.outputById.load(id)),
      Activity: entityReference((context, id) => context.loaders.activityById.load(id)),
      ImplementingPartner: entityReference((context, id) => context.loaders.partnerById.load(id)),
      Indicator: entityReference((context, id) => context.loaders.indicatorById.load(id)),
      Measurement: entityReference((context, id) => context.loaders.measurementById.load(id)),
      BudgetLine: entityReference((context, id) => context.loaders.budgetLineById.load(id)),
      ProgressReport: entityReference((context, id) => context.loaders.reportById.load(id)),
      // Keyed by the member and what is asked of it: the representation (of this member's country) is the object.
      CountryIndicatorProgress: memberScoped(['frameworkCode', 'indicatorCode', 'year']),
      MemberCoverage: memberScoped([]),
      MemberAlignments: memberScoped(['frameworkCode']),
    },
  );
}
