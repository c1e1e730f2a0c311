import { buildFederatedSchema } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import { PlanAssessmentResolver } from './assessment/assessment.resolver.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { BudgetLineMutationResolver } from './budget/budget-mutation.resolver.js';
import { resolveBudgetLineReference, resolveMemberFinancingReference } from './budget/budget.reference.js';
import { BudgetLineResolver, PlanBudgetResolver } from './budget/budget.resolver.js';
import { BudgetLine } from './budget/budget.type.js';
import { resolveCivicStatementReference } from './civic-response/civic-response.reference.js';
import { CivicResponseMutationResolver, CivicStatementResponsesResolver } from './civic-response/civic-response.resolver.js';
import { CivicStatement } from './civic-response/civic-response.type.js';
import { MemberFinancingResolver } from './budget/financing.resolver.js';
import { MemberFinancing } from './budget/financing.type.js';
import { resolveCountryReference } from './country/country.reference.js';
import { CountryResolver } from './country/country.resolver.js';
import { Country } from './country/country.type.js';
import { FollowUpMutationResolver } from './follow-up/follow-up-mutation.resolver.js';
import { resolveMemberFollowUpsReference } from './follow-up/follow-up.reference.js';
import { FollowUpActionResolver, MemberFollowUpsResolver, PlanFollowUpResolver, RecommendationFollowUpResolver } from './follow-up/follow-up.resolver.js';
import { MemberFollowUps } from './follow-up/follow-up.type.js';
import { IndicatorMutationResolver } from './indicator/indicator-mutation.resolver.js';
import { resolveIndicatorReference } from './indicator/indicator.reference.js';
import { IndicatorResolver, OutcomeIndicatorsResolver, OutputIndicatorsResolver, PlanIndicatorsResolver } from './indicator/indicator.resolver.js';
import { Indicator } from './indicator/indicator.type.js';
import { LocalPlanMutationResolver } from './local-plan/local-plan-mutation.resolver.js';
import { IndicatorLocalRollUpResolver, LocalActionPlanResolver, LocalIndicatorResolver, PlanLocalPlansResolver } from './local-plan/local-plan.resolver.js';
import { LogframeMutationResolver } from './logframe/logframe-mutation.resolver.js';
import { resolveActivityReference, resolveOutcomeReference, resolveOutputReference } from './logframe/logframe.reference.js';
import { ActivityResolver, OutcomeResolver, OutputResolver, PlanOutcomesResolver } from './logframe/logframe.resolver.js';
import { Activity, Outcome, Output } from './logframe/logframe.type.js';
import { MeasurementMutationResolver } from './measurement/measurement-mutation.resolver.js';
import { resolveMeasurementReference } from './measurement/measurement.reference.js';
import { IndicatorMeasurementsResolver, MeasurementResolver } from './measurement/measurement.resolver.js';
import { Measurement } from './measurement/measurement.type.js';
import { PartnerMutationResolver } from './partner/partner-mutation.resolver.js';
import { resolvePartnerReference } from './partner/partner.reference.js';
import { PlanPartnersResolver } from './partner/partner.resolver.js';
import { ImplementingPartner } from './partner/partner.type.js';
import { PlanMutationResolver } from './plan/plan-mutation.resolver.js';
import { resolvePlanReference } from './plan/plan.reference.js';
import { PlanResolver } from './plan/plan.resolver.js';
import { NationalActionPlan } from './plan/plan.type.js';
import { resolveCountryIndicatorProgressReference, resolveMemberAlignmentsReference, resolveMemberCoverageReference } from './progress/progress.reference.js';
import { CountryIndicatorProgressResolver, MemberAlignmentsResolver, MemberCoverageResolver } from './progress/progress.resolver.js';
import { CountryIndicatorProgress, MemberAlignments, MemberCoverage } from './progress/progress.type.js';
import { ProgressReportMutationResolver } from './report/report-mutation.resolver.js';
import { resolveReportReference } from './report/report.reference.js';
import { PlanReportsResolver, ProgressReportResolver } from './report/report.resolver.js';
import { ProgressReport } from './report/report.type.js';
import { SubmissionMutationResolver } from './submission/submission-mutation.resolver.js';
import { resolveMemberCycleSubmissionReference } from './submission/submission.reference.js';
import { SubmissionResolver } from './submission/submission.resolver.js';
import { MemberCycleSubmission } from './submission/submission.type.js';

/**
 * The NAP contract as a Federation 2 subgraph schema (the same for every
 * member state). The order of `resolvers` and `orphanedTypes` is the order
 * schema.graphql lists fields and types in.
 */
export function buildNapSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        AuditResolver,
        IndicatorMeasurementsResolver,
        IndicatorResolver,
        PlanIndicatorsResolver,
        OutcomeIndicatorsResolver,
        OutputIndicatorsResolver,
        PlanResolver,
        PlanOutcomesResolver,
        OutcomeResolver,
        OutputResolver,
        ActivityResolver,
        PlanPartnersResolver,
        BudgetLineResolver,
        PlanBudgetResolver,
        ProgressReportResolver,
        PlanReportsResolver,
        RecommendationFollowUpResolver,
        FollowUpActionResolver,
        PlanFollowUpResolver,
        PlanAssessmentResolver,
        PlanLocalPlansResolver,
        LocalActionPlanResolver,
        LocalIndicatorResolver,
        IndicatorLocalRollUpResolver,
        MeasurementResolver,
        CountryResolver,
        CountryIndicatorProgressResolver,
        MemberCoverageResolver,
        MemberAlignmentsResolver,
        CivicStatementResponsesResolver,
        MemberFinancingResolver,
        MemberFollowUpsResolver,
        BudgetLineMutationResolver,
        IndicatorMutationResolver,
        LogframeMutationResolver,
        MeasurementMutationResolver,
        PartnerMutationResolver,
        PlanMutationResolver,
        ProgressReportMutationResolver,
        CivicResponseMutationResolver,
        FollowUpMutationResolver,
        LocalPlanMutationResolver,
        SubmissionResolver,
        SubmissionMutationResolver,
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
        CivicStatement,
        MemberCycleSubmission,
        MemberFinancing,
        MemberFollowUps,
      ],
    },
    {
      Country: resolveCountryReference,
      NationalActionPlan: resolvePlanReference,
      Outcome: resolveOutcomeReference,
      Output: resolveOutputReference,
      Activity: resolveActivityReference,
      ImplementingPartner: resolvePartnerReference,
      Indicator: resolveIndicatorReference,
      Measurement: resolveMeasurementReference,
      BudgetLine: resolveBudgetLineReference,
      ProgressReport: resolveReportReference,
      CountryIndicatorProgress: resolveCountryIndicatorProgressReference,
      MemberCoverage: resolveMemberCoverageReference,
      MemberAlignments: resolveMemberAlignmentsReference,
      CivicStatement: resolveCivicStatementReference,
      MemberCycleSubmission: resolveMemberCycleSubmissionReference,
      MemberFinancing: resolveMemberFinancingReference,
      MemberFollowUps: resolveMemberFollowUpsReference,
    },
  );
}
