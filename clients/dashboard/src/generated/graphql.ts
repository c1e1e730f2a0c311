/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActivityStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DELAYED'
  | 'ONGOING'
  | 'PLANNED';

/** Frameworks a national indicator may align to: the three regional frameworks, the UN global WPS indicators, and CEDAW General Recommendation No. 30 (CEDAW/C/GC/30, 2013: women in conflict prevention, conflict and post-conflict situations). */
export type AlignmentFramework =
  | 'AU_CRF'
  /** CEDAW General Recommendation No. 30 (CEDAW/C/GC/30, 18 October 2013), reported on in states parties' periodic reports to the CEDAW Committee */
  | 'CEDAW_GR30'
  | 'EU_GAP_III'
  | 'OSCE'
  | 'UN_1325';

/** Inclusive Security's high-impact NAP criteria, as checks on the plan's data. */
export type AssessmentCriterionKey =
  | 'COORDINATION'
  | 'INCLUSIVE_DESIGN'
  | 'POLITICAL_WILL'
  | 'REPORTING_REGULARITY'
  | 'RESOURCES'
  | 'RESULTS_BASED_MONITORING';

/** Who speaks: a registered civil-society organisation or a parliament. */
export type CivicAuthorKind =
  | 'CSO'
  | 'PARLIAMENT';

export type CivicStatementKind =
  /** A shorter remark on one plan, report or submission. */
  | 'COMMENT'
  /** A civil-society or parliamentary report on the state's implementation, beside the state's own. */
  | 'SHADOW_REPORT';

export type CivicStatementStatus =
  /** Seen by its author only; the author may revise or delete it. */
  | 'DRAFT'
  /** Public, and fixed: nobody, its author included, can change or delete it. */
  | 'PUBLISHED';

/** What a civic statement is about: a member's plan, progress report or framework submission. */
export type CivicTarget =
  | 'PLAN'
  | 'REPORT'
  | 'SUBMISSION';

/** Where a member stands in a reporting cycle, from the hub's receipts and what the member returns now. */
export type CycleMemberState =
  /** No receipt, and the cycle is past its due date. */
  | 'LATE'
  /** No receipt yet; the cycle is not yet due. */
  | 'OPEN'
  /** The hub holds a receipt, but what the member returns now is another version or hashes differently: it changed what it handed in. */
  | 'RECEIPT_DISAGREES'
  /** The hub holds a receipt, and the content the member returns now (if it answered) hashes to it. */
  | 'SUBMITTED';

/** How precise a recorded date is: only what the sources give, never filled in. */
export type DatePrecision =
  | 'DAY'
  | 'MONTH'
  | 'YEAR';

/** One value of a disaggregated measurement; the dimension must be one the indicator is disaggregated by. */
export type DisaggregatedValueInput = {
  /** e.g. "female" */
  category: string;
  /** e.g. "sex" */
  dimension: string;
  value?: number | null | undefined;
};

export type FollowUpStatus =
  | 'DONE'
  /** Decided against, with the reason in the description. */
  | 'DROPPED'
  | 'IN_PROGRESS'
  | 'PLANNED';

/** Regional frameworks members report against. */
export type FrameworkCode =
  /** African Union Continental Results Framework on WPS (2018–2028) */
  | 'AU_CRF'
  /** EU Gender Action Plan III (2021–2025, extended to 2027); WPS is one of its thematic areas */
  | 'EU_GAP_III'
  /** OSCE 2004 Action Plan for the Promotion of Gender Equality and WPS commitments */
  | 'OSCE';

/** OECD DAC gender equality policy marker: NOT_TARGETED (score 0), SIGNIFICANT (1), PRINCIPAL (2); NOT_SCREENED when nobody has scored the line. */
export type GenderMarker =
  | 'NOT_SCREENED'
  | 'NOT_TARGETED'
  | 'PRINCIPAL'
  | 'SIGNIFICANT';

export type IndicatorKind =
  | 'QUALITATIVE'
  | 'QUANTITATIVE';

export type IndicatorLevel =
  | 'OUTCOME'
  | 'OUTPUT';

/** Progress of an indicator from its latest published value (see Indicator.status for the rule). */
export type IndicatorStatus =
  | 'ACHIEVED'
  | 'NO_DATA'
  | 'OFF_TRACK'
  | 'ON_TRACK';

export type KnowledgeKind =
  | 'GOOD_PRACTICE'
  | 'LEARNING_SESSION'
  | 'RESOURCE';

/** Narrow a search; every filter given must hold. Sessions have no countries, pillars or frameworks, so those filters leave them out. */
export type KnowledgeSearchFilter = {
  /** ISO 3166-1 alpha-2 code of a state the item is tied to. */
  countryCode?: string | null | undefined;
  framework?: AlignmentFramework | null | undefined;
  /** Only these kinds of items. */
  kinds?: Array<KnowledgeKind> | null | undefined;
  pillar?: Pillar | null | undefined;
  theme?: Theme | null | undefined;
  /** The practice's or resource's year, or the year a session started. */
  year?: number | null | undefined;
};

/** Languages country names are available in. */
export type Locale =
  | 'AR'
  | 'EN'
  | 'FR'
  | 'PT';

/** Drafts stay with the member state; only published values are public. */
export type MeasurementStatus =
  | 'DRAFT'
  | 'PUBLISHED';

/** Whether a state's own NAP subgraph is connected to the hub. */
export type MemberStatus =
  /** Registered, serving the contract: queries are routed to it. */
  | 'ACTIVE'
  /** The state runs no registered NAP subgraph: its plan data is null, without an error. */
  | 'NOT_CONNECTED'
  /** Registered, taken offline by the hub admin. */
  | 'OFFLINE'
  /** Registered, but serving a different contract: not routed to until fixed. */
  | 'QUARANTINED';

export type MembershipStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

export type PartnerKind =
  | 'AGENCY'
  | 'CSO'
  | 'DEPARTMENT'
  | 'LOCAL_GOVERNMENT'
  | 'MINISTRY'
  | 'PARLIAMENT';

/** The four pillars of UNSCR 1325. */
export type Pillar =
  | 'PARTICIPATION'
  | 'PREVENTION'
  | 'PROTECTION'
  | 'RELIEF_AND_RECOVERY';

/** Life-cycle status of a national action plan. */
export type PlanStatus =
  | 'ADOPTED'
  | 'DRAFT'
  | 'EXPIRED'
  | 'SUPERSEDED'
  | 'UNDER_REVIEW';

/** Drafts stay with the member state; published items are public. */
export type PublicationStatus =
  | 'DRAFT'
  | 'PUBLISHED';

/** Who received a disbursement. Civil society = CSO + WOMENS_RIGHTS_ORGANISATION + GRASSROOTS; UNKNOWN also stands for the part of a line's disbursed total recorded without rows. */
export type RecipientType =
  | 'CSO'
  | 'GOVERNMENT'
  | 'GRASSROOTS'
  | 'MULTILATERAL'
  | 'OTHER'
  | 'UNKNOWN'
  | 'WOMENS_RIGHTS_ORGANISATION';

/** A fact of a plan the public record also gives. */
export type RecordField =
  /** Adoption date (dates of different precision agree when one begins with the other). */
  | 'ADOPTED_ON'
  /** The record lists no NAP with this iteration for the state. */
  | 'ITERATION'
  /** Last year of the plan. */
  | 'PERIOD_END'
  /** First year of the plan. */
  | 'PERIOD_START';

/** A value of an indicator for one period, recorded as a DRAFT. If the period already has a value, this is a correction: a new version that supersedes the latest one (stored values never change). Quantitative indicators take a value (in the unit) and disaggregated values; qualitative ones take a narrative and a reported status. */
export type RecordMeasurementInput = {
  disaggregatedValues?: Array<DisaggregatedValueInput> | null | undefined;
  indicatorId: string | number;
  narrative?: string | null | undefined;
  /** "2023", "2023-H1", "2023-Q2" or "2023-06", inside the plan period. */
  period: string;
  reportedStatus?: ReportedStatus | null | undefined;
  /** Where the value comes from (needed to publish a quantitative value). */
  source?: string | null | undefined;
  value?: number | null | undefined;
};

/** Where a member state's NAP subgraph answers. */
export type RegisterMemberInput = {
  /** ISO 3166-1 alpha-2 code of the member state. */
  countryCode: string;
  /** The GraphQL endpoint of its NAP subgraph (http or https). */
  endpoint: string;
};

export type ReportKind =
  | 'ANNUAL'
  | 'FINAL_EVALUATION'
  | 'MID_TERM_REVIEW'
  | 'PARLIAMENTARY';

export type ReportedStatus =
  | 'ACHIEVED'
  | 'OFF_TRACK'
  | 'ON_TRACK';

export type ReportingFrequency =
  | 'ANNUAL'
  | 'BIENNIAL'
  | 'END_OF_PLAN'
  | 'MONTHLY'
  | 'QUARTERLY'
  | 'SEMI_ANNUAL';

/** Studies, guides, manuals, evaluations, reports and toolkits. */
export type ResourceKind =
  | 'EVALUATION'
  | 'GUIDE'
  | 'MANUAL'
  | 'REPORT'
  | 'STUDY'
  | 'TOOLKIT';

export type SearchMatch =
  /** Every word of the query (or a word it starts) is in the item, after stemming. */
  | 'FULL_TEXT'
  /** No full-text match: the query is close to a word of the title or themes (a typo), by trigram similarity. */
  | 'FUZZY';

export type SessionAccess =
  /** Only invited network members may register. */
  | 'INVITATION_ONLY'
  /** Registrations are requests (PENDING) until a network admin confirms them. */
  | 'ON_REQUEST'
  /** Any network member registers and is confirmed (while seats last). */
  | 'OPEN';

export type SessionKind =
  | 'VIRTUAL_DIALOGUE'
  | 'WEBINAR'
  | 'WORKING_GROUP';

export type SessionTiming =
  /** Ended, latest first. */
  | 'PAST'
  /** Not yet ended, soonest first. */
  | 'UPCOMING';

/** Themes of the Focal Points Network. */
export type Theme =
  | 'CAPACITY_BUILDING'
  | 'CIVIL_SOCIETY'
  | 'COORDINATION'
  | 'FINANCING'
  | 'INDICATORS'
  | 'LOCALIZATION'
  | 'MONITORING_EVALUATION'
  | 'PARLIAMENTARY_OVERSIGHT'
  | 'POLITICAL_WILL'
  | 'REGIONAL_COOPERATION'
  | 'REPORTING';

export type UpdateMemberInput = {
  endpoint?: string | null | undefined;
  /** OFFLINE takes the member out of routing; ACTIVE brings it back after a fresh contract check. */
  status?: MemberStatus | null | undefined;
};

export type AdminMembersQueryVariables = Exact<{
  locale: Locale;
}>;


export type AdminMembersQuery = { members: Array<{ countryCode: string, status: MemberStatus, contractVersion: string | null, lastCheckedAt: string | null, reason: string | null, registeredAt: string, adminEndpoint: string | null, country: { code: string, name: string } }> };

export type RegisterMemberMutationVariables = Exact<{
  input: RegisterMemberInput;
}>;


export type RegisterMemberMutation = { registerMember: { countryCode: string, status: MemberStatus } };

export type UpdateMemberMutationVariables = Exact<{
  code: string;
  input: UpdateMemberInput;
}>;


export type UpdateMemberMutation = { updateMember: { countryCode: string, status: MemberStatus, reason: string | null } };

export type CountryHeaderQueryVariables = Exact<{
  code: string;
  locale: Locale;
}>;


export type CountryHeaderQuery = { country: { code: string, name: string, alpha3: string | null, memberStatus: MemberStatus, memberships: Array<{ status: MembershipStatus, since: string | null, framework: { code: FrameworkCode, shortName: string } }>, actionPlans: Array<{ id: string, iteration: number, title: string, status: PlanStatus, adoptedOn: string | null, demoFields: Array<string>, inForce: boolean | null, period: { start: number | null, end: number | null }, sources: { references: Array<string>, note: string | null, conflict: string | null, verified: boolean } }> | null } | null };

export type CountryLogframeQueryVariables = Exact<{
  code: string;
}>;


export type CountryLogframeQuery = { country: { code: string, currentActionPlan: { id: string, title: string, leadAgency: string | null, coordinationMechanism: string | null, partners: Array<{ id: string, name: string, kind: PartnerKind, isDemo: boolean }>, outcomes: Array<{ id: string, code: string, pillar: Pillar | null, nationalPillar: string | null, statement: string, isDemo: boolean, outputs: Array<{ id: string, code: string, statement: string, activities: Array<{ id: string, code: string, title: string, status: ActivityStatus, timeline: { startsOn: string | null, endsOn: string | null }, responsiblePartner: { id: string, name: string } | null }> }> }> } | null } | null };

export type CountryIndicatorsQueryVariables = Exact<{
  code: string;
  locale: Locale;
}>;


export type CountryIndicatorsQuery = { country: { code: string, currentActionPlan: { id: string, indicators: Array<{ id: string, code: string, title: string, unit: string, status: IndicatorStatus, kind: IndicatorKind, level: IndicatorLevel, isDemo: boolean, disaggregation: Array<string>, dataSource: string | null, frequency: ReportingFrequency | null, progress: number | null, baseline: { value: number, year: number | null } | null, target: { value: number, year: number | null } | null, measurements: Array<{ id: string, period: string, value: number | null, status: MeasurementStatus, isDemo: boolean, narrative: string | null, source: string | null, reportedStatus: ReportedStatus | null, disaggregatedValues: Array<{ dimension: string, category: string, value: number | null }> }>, relatedPractices: Array<{ id: string, title: string, isDemo: boolean, countries: Array<{ code: string, name: string }> }> | null }> } | null } | null };

export type CountryBudgetAndReportsQueryVariables = Exact<{
  code: string;
}>;


export type CountryBudgetAndReportsQuery = { country: { code: string, currentActionPlan: { id: string, budget: { costed: boolean | null, earmarked: boolean | null, totals: Array<{ currency: string, allocated: number, disbursed: number, spent: number, executionRate: number | null }>, byPartner: Array<{ partner: { id: string, name: string } | null, totals: Array<{ currency: string, allocated: number, disbursed: number, spent: number, executionRate: number | null }> }>, byFiscalYear: Array<{ fiscalYear: number, totals: Array<{ currency: string, allocated: number, disbursed: number, spent: number, executionRate: number | null }> }> }, reports: Array<{ id: string, kind: ReportKind, title: string, status: PublicationStatus, isDemo: boolean, findings: Array<string>, period: { start: number | null, end: number | null }, recommendations: Array<{ id: string, text: string, decision: { text: string, decidedOn: string | null, decidedBy: string | null } | null }> }>, assessment: { metCount: number, criteria: Array<{ criterion: AssessmentCriterionKey, met: boolean, evidence: string }> }, monitoringFramework: { exists: boolean, indicatorCount: number, complete: number, completeShare: number | null } } | null } | null };

export type TotalsFragment = { currency: string, allocated: number, disbursed: number, spent: number, executionRate: number | null };

export type CountryPublicRecordQueryVariables = Exact<{
  code: string;
}>;


export type CountryPublicRecordQuery = { country: { code: string, publicRecord: { listed: boolean, source: string, gathered: string, iterations: Array<{ iteration: number, sources: Array<string>, verified: boolean, note: string | null, sourceConflict: string | null, period: { start: number | null, end: number | null }, adopted: { value: string, precision: DatePrecision } | null }> }, civicStatements: Array<{ id: string, kind: CivicStatementKind, target: CivicTarget, targetId: string, title: string, body: string, sourceUrl: string | null, organisation: string, authorKind: CivicAuthorKind, status: CivicStatementStatus, createdAt: string, publishedAt: string | null, stateResponses: Array<{ id: string, body: string, respondedBy: string, respondedAt: string }> | null }> } | null };

export type CountryRecordDisagreementsQueryVariables = Exact<{
  code: string;
}>;


export type CountryRecordDisagreementsQuery = { country: { code: string, recordDisagreements: Array<{ iteration: number, field: RecordField, memberValue: string | null, recordValue: string | null }> | null } | null };

export type CountryAccountabilityQueryVariables = Exact<{
  code: string;
}>;


export type CountryAccountabilityQuery = { country: { code: string, currentActionPlan: { id: string, financing: { currency: string | null, costedEstimate: number | null, costedEstimateSource: string | null, allocated: number | null, disbursed: number | null, spent: number | null, fundingGap: number | null, shareToCivilSociety: number | null, shareToGrassroots: number | null, otherCurrencies: Array<string>, isDemo: boolean, demoInputs: Array<string>, byRecipientType: Array<{ recipientType: RecipientType, amount: number, share: number | null }>, byCurrency: Array<{ currency: string, byGenderMarker: Array<{ genderMarker: GenderMarker, allocated: number, share: number | null }> }> }, followUpActions: Array<{ id: string, description: string, dueOn: string, status: FollowUpStatus, completedOn: string | null, overdue: boolean, isDemo: boolean, responsiblePartner: { id: string, name: string } | null }> } | null } | null };

export type FrameworkOverviewQueryVariables = Exact<{
  code: FrameworkCode;
  locale: Locale;
}>;


export type FrameworkOverviewQuery = { frameworks: Array<{ code: FrameworkCode, shortName: string }>, framework: { code: FrameworkCode, shortName: string, name: string, organisation: string, reportingCycle: string | null, areas: Array<string>, sources: Array<string>, period: { start: number | null, end: number | null, extendedTo: number | null }, indicators: Array<{ code: string, title: string, pillar: Pillar | null, illustrative: boolean }>, coverage: { summary: { members: number, connected: number, withCurrentPlan: number, costed: number, withMonitoringFramework: number, reportedLastCycle: number, currentPlanShare: number | null, costedShare: number | null, monitoringFrameworkShare: number | null, reportedLastCycleShare: number | null }, members: Array<{ countryCode: string, memberStatus: MemberStatus, hasCurrentPlan: boolean | null, costed: boolean | null, hasMonitoringFramework: boolean | null, reportedLastCycle: boolean | null, country: { code: string, name: string } }> } } | null };

export type IndicatorStatusMapQueryVariables = Exact<{
  frameworkCode: string;
  code: string;
}>;


export type IndicatorStatusMapQuery = { frameworkIndicator: { code: string, title: string, progress: { year: number, rows: Array<{ countryCode: string, memberStatus: MemberStatus, status: IndicatorStatus | null }> } } | null };

export type FrameworkMatrixQueryVariables = Exact<{
  code: FrameworkCode;
  year: number;
  previousYear: number;
  locale: Locale;
}>;


export type FrameworkMatrixQuery = { framework: { code: FrameworkCode, shortName: string, current: Array<{ pillar: Pillar, year: number, summary: { rows: number, connected: number, reporting: number, achieved: number, onTrack: number, offTrack: number, noData: number, notConnected: number, onTrackShare: number | null }, indicators: Array<{ code: string, title: string, illustrative: boolean }>, rows: Array<{ countryCode: string, indicatorCode: string, memberStatus: MemberStatus, status: IndicatorStatus | null, country: { code: string, name: string }, indicators: Array<{ status: IndicatorStatus, latestValue: number | null, latestPeriod: string | null, indicator: { id: string, code: string, title: string, unit: string } }> | null }> }>, previous: Array<{ pillar: Pillar, year: number, summary: { rows: number, connected: number, reporting: number, achieved: number, onTrack: number, offTrack: number, noData: number, notConnected: number, onTrackShare: number | null }, rows: Array<{ countryCode: string, indicatorCode: string, status: IndicatorStatus | null }> }> } | null };

export type SummaryFragment = { rows: number, connected: number, reporting: number, achieved: number, onTrack: number, offTrack: number, noData: number, notConnected: number, onTrackShare: number | null };

export type CountryListQueryVariables = Exact<{
  locale: Locale;
  memberStatus?: MemberStatus | null | undefined;
}>;


export type CountryListQuery = { countries: Array<{ code: string, name: string, memberStatus: MemberStatus }> };

export type FrameworkAccountabilityQueryVariables = Exact<{
  code: FrameworkCode;
}>;


export type FrameworkAccountabilityQuery = { framework: { code: FrameworkCode, reportingCycles: Array<{ code: string, year: number, title: string, dueOn: string }>, financing: { members: Array<{ countryCode: string, memberStatus: MemberStatus, currency: string | null, shareToCivilSociety: number | null, shareToGrassroots: number | null, fundingGap: number | null, isDemo: boolean | null }>, summary: { members: number, connected: number, unavailable: number, reporting: number, meanShareToCivilSociety: number | null, meanShareToGrassroots: number | null, minShareToCivilSociety: number | null, maxShareToCivilSociety: number | null, demoMembers: number, computedFromDemo: boolean } } } | null };

export type CycleStatusQueryVariables = Exact<{
  code: string;
}>;


export type CycleStatusQuery = { reportingCycle: { code: string, year: number, title: string, dueOn: string, dueIllustrative: boolean, cadence: string, cadenceIllustrative: boolean, sources: Array<string>, status: { summary: { members: number, submitted: number, submittedLate: number, withGaps: number, late: number, open: number, disagreements: number }, rows: Array<{ countryCode: string, memberStatus: MemberStatus, state: CycleMemberState, receiptAgrees: boolean | null, gaps: number | null, receipt: { version: number, receivedAt: string, late: boolean, answered: number, explained: number } | null }> } } | null };

export type SearchQueryVariables = Exact<{
  query: string;
  filter?: KnowledgeSearchFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchQuery = { search: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, snippet: string, matchedBy: SearchMatch, node:
        | { __typename: 'GoodPractice', id: string, title: string, isDemo: boolean }
        | { __typename: 'LearningSession', id: string, title: string, startsAt: string, isDemo: boolean }
        | { __typename: 'Resource', id: string, title: string, publisher: string, year: number | null, isDemo: boolean }
       }> } };

export type PracticeListQueryVariables = Exact<{
  theme?: Theme | null | undefined;
  locale: Locale;
}>;


export type PracticeListQuery = { goodPractices: Array<{ id: string, title: string, summary: string, themes: Array<Theme>, year: number | null, isDemo: boolean, countries: Array<{ code: string, name: string }> }> };

export type PracticeQueryVariables = Exact<{
  id: string | number;
  locale: Locale;
}>;


export type PracticeQuery = { goodPractice: { id: string, title: string, summary: string, themes: Array<Theme>, pillars: Array<Pillar>, frameworks: Array<AlignmentFramework>, source: string, year: number | null, evidence: string | null, isDemo: boolean, countries: Array<{ code: string, name: string }>, session: { id: string, title: string } | null } | null };

export type SessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsQuery = { learningSessions: Array<{ id: string, title: string, kind: SessionKind, series: string | null, startsAt: string, endsAt: string | null, startsAtUtc: string, timeZone: string | null, access: SessionAccess | null, chathamHouse: boolean, seatsLeft: number | null, timing: SessionTiming, isDemo: boolean, hosts: Array<string>, summary: string | null }> };

export type SessionIcsQueryVariables = Exact<{
  id: string | number;
}>;


export type SessionIcsQuery = { learningSession: { id: string, title: string, icalendar: string } | null };

export type ResourceListQueryVariables = Exact<{ [key: string]: never; }>;


export type ResourceListQuery = { resources: Array<{ id: string, title: string, kind: ResourceKind, publisher: string, year: number | null, summary: string | null, url: string | null, isDemo: boolean }> };

export type ForumQueryVariables = Exact<{ [key: string]: never; }>;


export type ForumQuery = { forumThreads: Array<{ id: string, title: string, authorName: string | null, postCount: number, lastPostAt: string, isDemo: boolean, session: { id: string, title: string } | null, posts: Array<{ id: string, body: string, authorName: string | null, postedAt: string }> }> };

export type DirectoryQueryVariables = Exact<{
  locale: Locale;
}>;


export type DirectoryQuery = { focalPoints: Array<{ id: string, name: string, email: string, organisation: string, role: string, regionalOrganisation: string | null, isDemo: boolean, country: { code: string, name: string } | null }> };

export type WorkspacePlanQueryVariables = Exact<{
  code: string;
}>;


export type WorkspacePlanQuery = { country: { code: string, memberStatus: MemberStatus, currentActionPlan: { id: string, title: string, period: { start: number | null, end: number | null }, indicators: Array<{ id: string, code: string, title: string, unit: string, kind: IndicatorKind, disaggregation: Array<string>, measurements: Array<{ id: string, period: string, value: number | null, status: MeasurementStatus, version: number, narrative: string | null, source: string | null, recordedAt: string }> }> } | null } | null };

export type AuditLogQueryVariables = Exact<{
  code: string;
}>;


export type AuditLogQuery = { auditLog: Array<{ id: string, at: string, actor: string, action: string, entity: string, entityId: string | null }> | null };

export type RecordMeasurementMutationVariables = Exact<{
  code: string;
  input: RecordMeasurementInput;
}>;


export type RecordMeasurementMutation = { recordMeasurement: { id: string, period: string, value: number | null, status: MeasurementStatus, version: number } | null };

export type PublishMeasurementMutationVariables = Exact<{
  code: string;
  id: string | number;
}>;


export type PublishMeasurementMutation = { publishMeasurement: { id: string, status: MeasurementStatus, publishedAt: string | null } | null };

export type ImportMeasurementsMutationVariables = Exact<{
  code: string;
  planId: string | number;
  csv: string;
}>;


export type ImportMeasurementsMutation = { importMeasurements: { imported: number } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TotalsFragmentDoc = new TypedDocumentString(`
    fragment Totals on BudgetTotal {
  currency
  allocated
  disbursed
  spent
  executionRate
}
    `, {"fragmentName":"Totals"}) as unknown as TypedDocumentString<TotalsFragment, unknown>;
export const SummaryFragmentDoc = new TypedDocumentString(`
    fragment Summary on ProgressSummary {
  rows
  connected
  reporting
  achieved
  onTrack
  offTrack
  noData
  notConnected
  onTrackShare
}
    `, {"fragmentName":"Summary"}) as unknown as TypedDocumentString<SummaryFragment, unknown>;
export const AdminMembersDocument = new TypedDocumentString(`
    query AdminMembers($locale: Locale!) {
  members {
    countryCode
    status
    contractVersion
    lastCheckedAt
    reason
    registeredAt
    adminEndpoint
    country {
      code
      name(locale: $locale)
    }
  }
}
    `) as unknown as TypedDocumentString<AdminMembersQuery, AdminMembersQueryVariables>;
export const RegisterMemberDocument = new TypedDocumentString(`
    mutation RegisterMember($input: RegisterMemberInput!) {
  registerMember(input: $input) {
    countryCode
    status
  }
}
    `) as unknown as TypedDocumentString<RegisterMemberMutation, RegisterMemberMutationVariables>;
export const UpdateMemberDocument = new TypedDocumentString(`
    mutation UpdateMember($code: String!, $input: UpdateMemberInput!) {
  updateMember(countryCode: $code, input: $input) {
    countryCode
    status
    reason
  }
}
    `) as unknown as TypedDocumentString<UpdateMemberMutation, UpdateMemberMutationVariables>;
export const CountryHeaderDocument = new TypedDocumentString(`
    query CountryHeader($code: String!, $locale: Locale!) {
  country(code: $code) {
    code
    name(locale: $locale)
    alpha3
    memberStatus
    memberships {
      status
      since
      framework {
        code
        shortName
      }
    }
    actionPlans {
      id
      iteration
      title
      status
      adoptedOn
      demoFields
      inForce
      period {
        start
        end
      }
      sources {
        references
        note
        conflict
        verified
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CountryHeaderQuery, CountryHeaderQueryVariables>;
export const CountryLogframeDocument = new TypedDocumentString(`
    query CountryLogframe($code: String!) {
  country(code: $code) {
    code
    currentActionPlan {
      id
      title
      leadAgency
      coordinationMechanism
      partners {
        id
        name
        kind
        isDemo
      }
      outcomes {
        id
        code
        pillar
        nationalPillar
        statement
        isDemo
        outputs {
          id
          code
          statement
          activities {
            id
            code
            title
            status
            timeline {
              startsOn
              endsOn
            }
            responsiblePartner {
              id
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CountryLogframeQuery, CountryLogframeQueryVariables>;
export const CountryIndicatorsDocument = new TypedDocumentString(`
    query CountryIndicators($code: String!, $locale: Locale!) {
  country(code: $code) {
    code
    currentActionPlan {
      id
      indicators {
        id
        code
        title
        unit
        status
        kind
        level
        isDemo
        disaggregation
        dataSource
        frequency
        progress
        baseline {
          value
          year
        }
        target {
          value
          year
        }
        measurements {
          id
          period
          value
          status
          isDemo
          narrative
          source
          reportedStatus
          disaggregatedValues {
            dimension
            category
            value
          }
        }
        relatedPractices {
          id
          title
          isDemo
          countries {
            code
            name(locale: $locale)
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CountryIndicatorsQuery, CountryIndicatorsQueryVariables>;
export const CountryBudgetAndReportsDocument = new TypedDocumentString(`
    query CountryBudgetAndReports($code: String!) {
  country(code: $code) {
    code
    currentActionPlan {
      id
      budget {
        costed
        earmarked
        totals {
          ...Totals
        }
        byPartner {
          partner {
            id
            name
          }
          totals {
            ...Totals
          }
        }
        byFiscalYear {
          fiscalYear
          totals {
            ...Totals
          }
        }
      }
      reports {
        id
        kind
        title
        status
        isDemo
        findings
        period {
          start
          end
        }
        recommendations {
          id
          text
          decision {
            text
            decidedOn
            decidedBy
          }
        }
      }
      assessment {
        metCount
        criteria {
          criterion
          met
          evidence
        }
      }
      monitoringFramework {
        exists
        indicatorCount
        complete
        completeShare
      }
    }
  }
}
    fragment Totals on BudgetTotal {
  currency
  allocated
  disbursed
  spent
  executionRate
}`) as unknown as TypedDocumentString<CountryBudgetAndReportsQuery, CountryBudgetAndReportsQueryVariables>;
export const CountryPublicRecordDocument = new TypedDocumentString(`
    query CountryPublicRecord($code: String!) {
  country(code: $code) {
    code
    publicRecord {
      listed
      source
      gathered
      iterations {
        iteration
        period {
          start
          end
        }
        adopted {
          value
          precision
        }
        sources
        verified
        note
        sourceConflict
      }
    }
    civicStatements {
      id
      kind
      target
      targetId
      title
      body
      sourceUrl
      organisation
      authorKind
      status
      createdAt
      publishedAt
      stateResponses {
        id
        body
        respondedBy
        respondedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CountryPublicRecordQuery, CountryPublicRecordQueryVariables>;
export const CountryRecordDisagreementsDocument = new TypedDocumentString(`
    query CountryRecordDisagreements($code: String!) {
  country(code: $code) {
    code
    recordDisagreements {
      iteration
      field
      memberValue
      recordValue
    }
  }
}
    `) as unknown as TypedDocumentString<CountryRecordDisagreementsQuery, CountryRecordDisagreementsQueryVariables>;
export const CountryAccountabilityDocument = new TypedDocumentString(`
    query CountryAccountability($code: String!) {
  country(code: $code) {
    code
    currentActionPlan {
      id
      financing {
        currency
        costedEstimate
        costedEstimateSource
        allocated
        disbursed
        spent
        fundingGap
        shareToCivilSociety
        shareToGrassroots
        byRecipientType {
          recipientType
          amount
          share
        }
        otherCurrencies
        byCurrency {
          currency
          byGenderMarker {
            genderMarker
            allocated
            share
          }
        }
        isDemo
        demoInputs
      }
      followUpActions {
        id
        description
        dueOn
        status
        completedOn
        overdue
        isDemo
        responsiblePartner {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CountryAccountabilityQuery, CountryAccountabilityQueryVariables>;
export const FrameworkOverviewDocument = new TypedDocumentString(`
    query FrameworkOverview($code: FrameworkCode!, $locale: Locale!) {
  frameworks {
    code
    shortName
  }
  framework(code: $code) {
    code
    shortName
    name
    organisation
    reportingCycle
    areas
    sources
    period {
      start
      end
      extendedTo
    }
    indicators {
      code
      title
      pillar
      illustrative
    }
    coverage {
      summary {
        members
        connected
        withCurrentPlan
        costed
        withMonitoringFramework
        reportedLastCycle
        currentPlanShare
        costedShare
        monitoringFrameworkShare
        reportedLastCycleShare
      }
      members {
        countryCode
        memberStatus
        hasCurrentPlan
        costed
        hasMonitoringFramework
        reportedLastCycle
        country {
          code
          name(locale: $locale)
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FrameworkOverviewQuery, FrameworkOverviewQueryVariables>;
export const IndicatorStatusMapDocument = new TypedDocumentString(`
    query IndicatorStatusMap($frameworkCode: String!, $code: String!) {
  frameworkIndicator(frameworkCode: $frameworkCode, code: $code) {
    code
    title
    progress {
      year
      rows {
        countryCode
        memberStatus
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IndicatorStatusMapQuery, IndicatorStatusMapQueryVariables>;
export const FrameworkMatrixDocument = new TypedDocumentString(`
    query FrameworkMatrix($code: FrameworkCode!, $year: Int!, $previousYear: Int!, $locale: Locale!) {
  framework(code: $code) {
    code
    shortName
    current: pillarProgress(year: $year) {
      pillar
      year
      summary {
        ...Summary
      }
      indicators {
        code
        title
        illustrative
      }
      rows {
        countryCode
        indicatorCode
        memberStatus
        status
        country {
          code
          name(locale: $locale)
        }
        indicators {
          status
          latestValue
          latestPeriod
          indicator {
            id
            code
            title
            unit
          }
        }
      }
    }
    previous: pillarProgress(year: $previousYear) {
      pillar
      year
      summary {
        ...Summary
      }
      rows {
        countryCode
        indicatorCode
        status
      }
    }
  }
}
    fragment Summary on ProgressSummary {
  rows
  connected
  reporting
  achieved
  onTrack
  offTrack
  noData
  notConnected
  onTrackShare
}`) as unknown as TypedDocumentString<FrameworkMatrixQuery, FrameworkMatrixQueryVariables>;
export const CountryListDocument = new TypedDocumentString(`
    query CountryList($locale: Locale!, $memberStatus: MemberStatus) {
  countries(memberStatus: $memberStatus) {
    code
    name(locale: $locale)
    memberStatus
  }
}
    `) as unknown as TypedDocumentString<CountryListQuery, CountryListQueryVariables>;
export const FrameworkAccountabilityDocument = new TypedDocumentString(`
    query FrameworkAccountability($code: FrameworkCode!) {
  framework(code: $code) {
    code
    reportingCycles {
      code
      year
      title
      dueOn
    }
    financing {
      members {
        countryCode
        memberStatus
        currency
        shareToCivilSociety
        shareToGrassroots
        fundingGap
        isDemo
      }
      summary {
        members
        connected
        unavailable
        reporting
        meanShareToCivilSociety
        meanShareToGrassroots
        minShareToCivilSociety
        maxShareToCivilSociety
        demoMembers
        computedFromDemo
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FrameworkAccountabilityQuery, FrameworkAccountabilityQueryVariables>;
export const CycleStatusDocument = new TypedDocumentString(`
    query CycleStatus($code: String!) {
  reportingCycle(code: $code) {
    code
    year
    title
    dueOn
    dueIllustrative
    cadence
    cadenceIllustrative
    sources
    status {
      summary {
        members
        submitted
        submittedLate
        withGaps
        late
        open
        disagreements
      }
      rows {
        countryCode
        memberStatus
        state
        receiptAgrees
        gaps
        receipt {
          version
          receivedAt
          late
          answered
          explained
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CycleStatusQuery, CycleStatusQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String!, $filter: KnowledgeSearchFilter, $after: String) {
  search(query: $query, filter: $filter, first: 10, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      snippet
      matchedBy
      node {
        __typename
        ... on GoodPractice {
          id
          title
          isDemo
        }
        ... on LearningSession {
          id
          title
          startsAt
          isDemo
        }
        ... on Resource {
          id
          title
          publisher
          year
          isDemo
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const PracticeListDocument = new TypedDocumentString(`
    query PracticeList($theme: Theme, $locale: Locale!) {
  goodPractices(theme: $theme) {
    id
    title
    summary
    themes
    year
    isDemo
    countries {
      code
      name(locale: $locale)
    }
  }
}
    `) as unknown as TypedDocumentString<PracticeListQuery, PracticeListQueryVariables>;
export const PracticeDocument = new TypedDocumentString(`
    query Practice($id: ID!, $locale: Locale!) {
  goodPractice(id: $id) {
    id
    title
    summary
    themes
    pillars
    frameworks
    source
    year
    evidence
    isDemo
    countries {
      code
      name(locale: $locale)
    }
    session {
      id
      title
    }
  }
}
    `) as unknown as TypedDocumentString<PracticeQuery, PracticeQueryVariables>;
export const SessionsDocument = new TypedDocumentString(`
    query Sessions {
  learningSessions {
    id
    title
    kind
    series
    startsAt
    endsAt
    startsAtUtc
    timeZone
    access
    chathamHouse
    seatsLeft
    timing
    isDemo
    hosts
    summary
  }
}
    `) as unknown as TypedDocumentString<SessionsQuery, SessionsQueryVariables>;
export const SessionIcsDocument = new TypedDocumentString(`
    query SessionIcs($id: ID!) {
  learningSession(id: $id) {
    id
    title
    icalendar
  }
}
    `) as unknown as TypedDocumentString<SessionIcsQuery, SessionIcsQueryVariables>;
export const ResourceListDocument = new TypedDocumentString(`
    query ResourceList {
  resources {
    id
    title
    kind
    publisher
    year
    summary
    url
    isDemo
  }
}
    `) as unknown as TypedDocumentString<ResourceListQuery, ResourceListQueryVariables>;
export const ForumDocument = new TypedDocumentString(`
    query Forum {
  forumThreads {
    id
    title
    authorName
    postCount
    lastPostAt
    isDemo
    session {
      id
      title
    }
    posts {
      id
      body
      authorName
      postedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ForumQuery, ForumQueryVariables>;
export const DirectoryDocument = new TypedDocumentString(`
    query Directory($locale: Locale!) {
  focalPoints {
    id
    name
    email
    organisation
    role
    regionalOrganisation
    isDemo
    country {
      code
      name(locale: $locale)
    }
  }
}
    `) as unknown as TypedDocumentString<DirectoryQuery, DirectoryQueryVariables>;
export const WorkspacePlanDocument = new TypedDocumentString(`
    query WorkspacePlan($code: String!) {
  country(code: $code) {
    code
    memberStatus
    currentActionPlan {
      id
      title
      period {
        start
        end
      }
      indicators {
        id
        code
        title
        unit
        kind
        disaggregation
        measurements {
          id
          period
          value
          status
          version
          narrative
          source
          recordedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkspacePlanQuery, WorkspacePlanQueryVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($code: String!) {
  auditLog(countryCode: $code, first: 50) {
    id
    at
    actor
    action
    entity
    entityId
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const RecordMeasurementDocument = new TypedDocumentString(`
    mutation RecordMeasurement($code: String!, $input: RecordMeasurementInput!) {
  recordMeasurement(countryCode: $code, input: $input) {
    id
    period
    value
    status
    version
  }
}
    `) as unknown as TypedDocumentString<RecordMeasurementMutation, RecordMeasurementMutationVariables>;
export const PublishMeasurementDocument = new TypedDocumentString(`
    mutation PublishMeasurement($code: String!, $id: ID!) {
  publishMeasurement(countryCode: $code, id: $id) {
    id
    status
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<PublishMeasurementMutation, PublishMeasurementMutationVariables>;
export const ImportMeasurementsDocument = new TypedDocumentString(`
    mutation ImportMeasurements($code: String!, $planId: ID!, $csv: String!) {
  importMeasurements(countryCode: $code, planId: $planId, csv: $csv) {
    imported
  }
}
    `) as unknown as TypedDocumentString<ImportMeasurementsMutation, ImportMeasurementsMutationVariables>;