import { buildFederatedSchema } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import { resolveFrameworkIndicatorReference } from './catalogue/catalogue.reference.js';
import { FrameworkCatalogueResolver, FrameworkIndicatorResolver } from './catalogue/catalogue.resolver.js';
import { FrameworkIndicator } from './catalogue/framework-indicator.type.js';
import { resolveCountryReference } from './country/country.reference.js';
import { CountryResolver, FrameworkMembersResolver, MembershipCountryResolver } from './country/country.resolver.js';
import { Country } from './country/country.type.js';
import { resolveFrameworkReference } from './framework/framework.reference.js';
import { FrameworkResolver } from './framework/framework.resolver.js';
import { RegionalFramework } from './framework/framework.type.js';
import { MembershipResolver } from './membership/membership.resolver.js';
import { CoverageSummary, FrameworkCoverage, MemberAlignments, MemberCoverage } from './progress/coverage.type.js';
import { FrameworkFinancingField, FrameworkFinancingResolver, MemberFinancingResolver } from './progress/financing.resolver.js';
import { FinancingSummary, FrameworkFinancing, MemberFinancing } from './progress/financing.type.js';
import { FrameworkFollowUpsField, FrameworkFollowUpsResolver, MemberFollowUpsResolver } from './progress/follow-up-overview.resolver.js';
import { FollowUpSummary, FrameworkFollowUps, MemberFollowUps } from './progress/follow-up-overview.type.js';
import { resolveAsRepresented } from './progress/progress.reference.js';
import {
  CountryIndicatorProgressResolver,
  FrameworkCoverageResolver,
  FrameworkIndicatorProgressField,
  FrameworkIndicatorProgressResolver,
  FrameworkProgressFields,
  MemberAlignmentsResolver,
  MemberCoverageResolver,
  PillarProgressResolver,
} from './progress/progress.resolver.js';
import { CountryIndicatorProgress, FrameworkIndicatorProgress, PillarProgress } from './progress/progress.type.js';
import { resolvePlanReference } from './public-record/public-record.reference.js';
import {
  CountryPublicRecordResolver,
  FrameworkRecordCoverageResolver,
  PlanPublicRecordResolver,
  PublicNapRecordResolver,
} from './public-record/public-record.resolver.js';
import { NationalActionPlan } from './common/nap-plan.type.js';
import {
  CommunityMembershipChangeResolver,
  CountryRegionalCommunitiesResolver,
  RegionalActionPlanResolver,
  RegionalCommunityResolver,
} from './regional-community/regional-community.resolver.js';
import { RegistryResolver } from './registry/registry.resolver.js';
import { resolveAsRepresented as resolveReportingAsRepresented, resolveReportingCycleReference } from './reporting/reporting.reference.js';
import { FrameworkReportingCyclesResolver, MemberCycleSubmissionResolver, ReportingCycleResolver, ReportingCycleStatusResolver } from './reporting/reporting.resolver.js';
import { MemberCycleSubmission, ReportingCycle, ReportingCycleStatus } from './reporting/reporting.type.js';

/** The regional subgraph's schema. The order of `resolvers` and `orphanedTypes` is the order schema.graphql lists fields and types in. */
export function buildRegionalSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        FrameworkIndicatorResolver,
        FrameworkCatalogueResolver,
        CountryResolver,
        FrameworkMembersResolver,
        FrameworkResolver,
        MembershipResolver,
        MembershipCountryResolver,
        RegistryResolver,
        FrameworkIndicatorProgressField,
        FrameworkIndicatorProgressResolver,
        CountryIndicatorProgressResolver,
        FrameworkProgressFields,
        PillarProgressResolver,
        FrameworkCoverageResolver,
        MemberCoverageResolver,
        MemberAlignmentsResolver,
        FrameworkFinancingField,
        FrameworkFinancingResolver,
        MemberFinancingResolver,
        FrameworkFollowUpsField,
        FrameworkFollowUpsResolver,
        MemberFollowUpsResolver,
        CountryPublicRecordResolver,
        PublicNapRecordResolver,
        FrameworkRecordCoverageResolver,
        PlanPublicRecordResolver,
        FrameworkReportingCyclesResolver,
        ReportingCycleResolver,
        ReportingCycleStatusResolver,
        MemberCycleSubmissionResolver,
        CountryRegionalCommunitiesResolver,
        RegionalCommunityResolver,
        CommunityMembershipChangeResolver,
        RegionalActionPlanResolver,
      ],
      orphanedTypes: [
        RegionalFramework,
        FrameworkIndicator,
        Country,
        MemberCoverage,
        CoverageSummary,
        FrameworkCoverage,
        MemberAlignments,
        MemberFinancing,
        FinancingSummary,
        FrameworkFinancing,
        MemberFollowUps,
        FollowUpSummary,
        FrameworkFollowUps,
        CountryIndicatorProgress,
        FrameworkIndicatorProgress,
        PillarProgress,
        NationalActionPlan,
        ReportingCycle,
        ReportingCycleStatus,
        MemberCycleSubmission,
      ],
    },
    {
      Country: resolveCountryReference,
      RegionalFramework: resolveFrameworkReference,
      FrameworkIndicator: resolveFrameworkIndicatorReference,
      FrameworkIndicatorProgress: resolveAsRepresented,
      PillarProgress: resolveAsRepresented,
      CountryIndicatorProgress: resolveAsRepresented,
      FrameworkCoverage: resolveAsRepresented,
      MemberCoverage: resolveAsRepresented,
      MemberFinancing: resolveAsRepresented,
      FrameworkFinancing: resolveAsRepresented,
      MemberFollowUps: resolveAsRepresented,
      FrameworkFollowUps: resolveAsRepresented,
      MemberAlignments: resolveAsRepresented,
      NationalActionPlan: resolvePlanReference,
      ReportingCycle: resolveReportingCycleReference,
      ReportingCycleStatus: resolveReportingAsRepresented,
      MemberCycleSubmission: resolveReportingAsRepresented,
    },
  );
}
