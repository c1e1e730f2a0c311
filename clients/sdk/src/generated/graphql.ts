/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Frameworks a national indicator may align to: the three regional frameworks, the UN global WPS indicators, and CEDAW General Recommendation No. 30 (CEDAW/C/GC/30, 2013: women in conflict prevention, conflict and post-conflict situations). */
export type AlignmentFramework =
  | 'AU_CRF'
  /** CEDAW General Recommendation No. 30 (CEDAW/C/GC/30, 18 October 2013), reported on in states parties' periodic reports to the CEDAW Committee */
  | 'CEDAW_GR30'
  | 'EU_GAP_III'
  | 'OSCE'
  | 'UN_1325';

/** A framework indicator a national indicator counts towards. */
export type AlignmentInput = {
  frameworkCode: AlignmentFramework;
  /** The framework's code: capital letters, digits, dots and hyphens, e.g. "AU-PAR-1". */
  indicatorCode: string;
};

/** Inclusive Security's high-impact NAP criteria, as checks on the plan's data. */
export type AssessmentCriterionKey =
  | 'COORDINATION'
  | 'INCLUSIVE_DESIGN'
  | 'POLITICAL_WILL'
  | 'REPORTING_REGULARITY'
  | 'RESOURCES'
  | 'RESULTS_BASED_MONITORING';

export type AuStatusChangeKind =
  | 'REINSTATED'
  | 'SUSPENDED';

/** A reference value of an indicator, in its unit, and the year it refers to. */
export type BenchmarkInput = {
  value: number;
  year?: number | null | undefined;
};

export type CivilSocietyRole =
  | 'DESIGN'
  | 'IMPLEMENTATION'
  | 'MONITORING';

/** A member state's new national action plan. */
export type CreateActionPlanInput = {
  /** ISO 8601 date, as precise as known: "2016", "2016-05" or "2016-05-12". */
  adoptedOn?: string | null | undefined;
  adoptionInstrument?: string | null | undefined;
  baselineStudy?: boolean | null | undefined;
  civilSocietyInCoordinationBody?: boolean | null | undefined;
  civilSocietyRoles?: Array<CivilSocietyRole> | null | undefined;
  coordinationMechanism?: string | null | undefined;
  costed?: boolean | null | undefined;
  documents?: Array<PlanDocumentInput> | null | undefined;
  earmarked?: boolean | null | undefined;
  focus?: PlanFocus | null | undefined;
  /** 1 for the first plan, 2 for the second, …; unique within the member. */
  iteration: number;
  leadAgency?: string | null | undefined;
  /** Pillars beyond the four, in the plan's own words; outcomes may name them. */
  nationalPillars?: Array<string> | null | undefined;
  /** Last year of the plan (at least periodStart); null for open-ended. */
  periodEnd?: number | null | undefined;
  /** First year of the plan; measurements, activities, reports and budget lines must fall in the period. */
  periodStart?: number | null | undefined;
  pillars?: Array<Pillar> | null | undefined;
  sources?: FactSourcesInput | null | undefined;
  status?: PlanStatus;
  title: string;
};

/** A national indicator of a plan. An OUTCOME-level indicator names an outcome of the plan, an OUTPUT-level one an output. Baseline and target are numbers in the unit ("%": 0–100, "number": 0 or more), for quantitative indicators only. */
export type CreateIndicatorInput = {
  alignments?: Array<AlignmentInput> | null | undefined;
  baseline?: BenchmarkInput | null | undefined;
  /** Unique within the plan. */
  code: string;
  dataSource?: string | null | undefined;
  /** Dimensions values are broken down by, e.g. "sex", "age". */
  disaggregation?: Array<string> | null | undefined;
  frequency?: ReportingFrequency | null | undefined;
  kind?: IndicatorKind;
  level: IndicatorLevel;
  outcomeId?: string | number | null | undefined;
  outputId?: string | number | null | undefined;
  responsiblePartnerId?: string | number | null | undefined;
  target?: BenchmarkInput | null | undefined;
  title: string;
  /** e.g. "%" or "number". */
  unit: string;
};

/** An outcome of a plan: exactly one of `pillar` and `nationalPillar` (one of the plan's nationalPillars). */
export type CreateOutcomeInput = {
  /** Unique within the plan. */
  code: string;
  nationalPillar?: string | null | undefined;
  pillar?: Pillar | null | undefined;
  statement: string;
};

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

export type DocumentKind =
  | 'BASELINE_STUDY'
  | 'IMPLEMENTATION_PLAN'
  | 'OTHER'
  | 'PLAN'
  | 'REPORT';

/** Where the facts of a plan come from, and whether the sources agree. */
export type FactSourcesInput = {
  /** How the sources disagree, when they do. */
  conflict?: string | null | undefined;
  note?: string | null | undefined;
  /** Public sources (usually URLs) of the facts. */
  references: Array<string>;
  /** False when the facts could not be confirmed in a primary or tracker source. */
  verified?: boolean;
};

/** Regional frameworks members report against. */
export type FrameworkCode =
  /** African Union Continental Results Framework on WPS (2018–2028) */
  | 'AU_CRF'
  /** EU Gender Action Plan III (2021–2025, extended to 2027); WPS is one of its thematic areas */
  | 'EU_GAP_III'
  /** OSCE 2004 Action Plan for the Promotion of Gender Equality and WPS commitments */
  | 'OSCE';

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

export type ModerationDecision =
  | 'PUBLISH'
  | 'REJECT';

/** Whether a focal point represents a state or a regional organisation. */
export type OrganisationKind =
  | 'REGIONAL_ORGANISATION'
  | 'STATE';

/** The four pillars of UNSCR 1325. */
export type Pillar =
  | 'PARTICIPATION'
  | 'PREVENTION'
  | 'PROTECTION'
  | 'RELIEF_AND_RECOVERY';

/** A document of a plan. */
export type PlanDocumentInput = {
  kind: DocumentKind;
  /** BCP 47 language tag, e.g. "en" or "fr". */
  language?: string | null | undefined;
  title: string;
  /** An http:// or https:// URL. */
  url?: string | null | undefined;
};

/** Whether a plan acts at home, abroad (foreign policy, missions), or both. */
export type PlanFocus =
  | 'BOTH'
  | 'DOMESTIC'
  | 'INTERNATIONAL';

/** How often the plan itself says its progress is reported. */
export type PlanReportingCadenceInput = {
  cadence: ReportingCadence;
  /** What the plan says, in its words (up to 1,000 characters). */
  note?: string | null | undefined;
  /** Where it is stated (URLs or document references). */
  sources?: Array<string> | null | undefined;
};

/** Life-cycle status of a national action plan. */
export type PlanStatus =
  | 'ADOPTED'
  | 'DRAFT'
  | 'EXPIRED'
  | 'SUPERSEDED'
  | 'UNDER_REVIEW';

/** A post in an existing thread. */
export type PostToForumInput = {
  /** Plain text, 1 to 5,000 characters. */
  body: string;
  threadId: string | number;
};

/** Drafts and rejected proposals are visible to their proposer and network admins only; published practices are public. */
export type PracticeStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'REJECTED';

/** A practice a network member proposes; it stays a DRAFT until a network admin publishes it. */
export type ProposeGoodPracticeInput = {
  /** ISO 3166-1 alpha-2 codes of the states where it was done. */
  countryCodes?: Array<string>;
  /** What shows that it worked (at most 4,000 characters). */
  evidence?: string | null | undefined;
  frameworks?: Array<AlignmentFramework>;
  pillars?: Array<Pillar>;
  /** The learning session where it was shared, if any. */
  sessionId?: string | null | undefined;
  /** A document reference or URL; default "Proposed by a network member". */
  source?: string | null | undefined;
  /** What was done and with what effect, 20 to 1,000 characters. */
  summary: string;
  /** One to five themes. */
  themes: Array<Theme>;
  /** 5 to 160 characters. */
  title: string;
  /** Year it was done, 1990 to next year. */
  year?: number | null | undefined;
};

/** Drafts stay with the member state; published items are public. */
export type PublicationStatus =
  | 'DRAFT'
  | 'PUBLISHED';

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

export type RegistrationStatus =
  /** Cancelled by the member; registering again re-opens it. */
  | 'CANCELLED'
  /** Has a seat. */
  | 'CONFIRMED'
  /** A network admin declined the request. */
  | 'DECLINED'
  /** Asked for a seat at an ON_REQUEST session; holds it until a network admin decides. */
  | 'PENDING';

export type ReportKind =
  | 'ANNUAL'
  | 'FINAL_EVALUATION'
  | 'MID_TERM_REVIEW'
  | 'PARLIAMENTARY';

export type ReportedStatus =
  | 'ACHIEVED'
  | 'OFF_TRACK'
  | 'ON_TRACK';

export type ReportingCadence =
  | 'ANNUAL'
  /** Every two years. */
  | 'BIENNIAL'
  /** Another rhythm, in the note. */
  | 'OTHER'
  | 'QUARTERLY'
  /** Every six months. */
  | 'SEMI_ANNUAL';

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

/** DRAFT (prepared, gaps may be explained), LOCKED (a version is fixed with its hash), SUBMITTED (that version handed in; final). */
export type SubmissionStatus =
  | 'DRAFT'
  | 'LOCKED'
  | 'SUBMITTED';

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

/** Changes to a plan: fields left out keep their value; null clears an optional one; `documents` replaces the list. */
export type UpdateActionPlanInput = {
  adoptedOn?: string | null | undefined;
  adoptionInstrument?: string | null | undefined;
  baselineStudy?: boolean | null | undefined;
  civilSocietyInCoordinationBody?: boolean | null | undefined;
  civilSocietyRoles?: Array<CivilSocietyRole> | null | undefined;
  coordinationMechanism?: string | null | undefined;
  costed?: boolean | null | undefined;
  /** Replaces the plan's documents when given. */
  documents?: Array<PlanDocumentInput> | null | undefined;
  earmarked?: boolean | null | undefined;
  focus?: PlanFocus | null | undefined;
  iteration?: number | null | undefined;
  leadAgency?: string | null | undefined;
  nationalPillars?: Array<string> | null | undefined;
  periodEnd?: number | null | undefined;
  periodStart?: number | null | undefined;
  pillars?: Array<Pillar> | null | undefined;
  /** How often the plan says its progress is reported; null clears it. */
  reportingCadence?: PlanReportingCadenceInput | null | undefined;
  sources?: FactSourcesInput | null | undefined;
  status?: PlanStatus | null | undefined;
  title?: string | null | undefined;
};

export type UpdateMemberInput = {
  endpoint?: string | null | undefined;
  /** OFFLINE takes the member out of routing; ACTIVE brings it back after a fresh contract check. */
  status?: MemberStatus | null | undefined;
};

export type CountryProfileQueryVariables = Exact<{
  code: string;
}>;


export type CountryProfileQuery = { country: { code: string, name: string, alpha3: string | null, memberStatus: MemberStatus, memberships: Array<{ status: MembershipStatus, framework: { code: FrameworkCode, shortName: string } }>, actionPlans: Array<{ id: string, iteration: number, title: string, status: PlanStatus, adoptedOn: string | null, demoFields: Array<string>, period: { start: number | null, end: number | null }, sources: { references: Array<string>, conflict: string | null, verified: boolean } }> | null, goodPractices: Array<{ id: string, title: string }> | null } | null };

export type MemberActionPlansQueryVariables = Exact<{
  countryCode: string;
}>;


export type MemberActionPlansQuery = { actionPlans: Array<{ id: string, countryCode: string, iteration: number, title: string, inForce: boolean | null }> | null };

export type MemberIndicatorQueryVariables = Exact<{
  countryCode: string;
  id: string | number;
}>;


export type MemberIndicatorQuery = { indicator: { id: string, code: string, title: string, measurements: Array<{ period: string, value: number | null, status: MeasurementStatus, isDemo: boolean }> } | null };

export type FrameworkProgressQueryVariables = Exact<{
  framework: FrameworkCode;
}>;


export type FrameworkProgressQuery = { countries: Array<{ code: string, name: string, memberStatus: MemberStatus, currentActionPlan: { id: string, title: string, status: PlanStatus, period: { start: number | null, end: number | null }, indicators: Array<{ code: string, title: string, unit: string, measurements: Array<{ period: string, value: number | null }> }> } | null }> };

export type ConnectedCountriesQueryVariables = Exact<{
  framework?: FrameworkCode | null | undefined;
  memberStatus?: MemberStatus | null | undefined;
}>;


export type ConnectedCountriesQuery = { countries: Array<{ code: string, name: string, memberStatus: MemberStatus }> };

export type FrameworkPlansQueryVariables = Exact<{
  framework: FrameworkCode;
}>;


export type FrameworkPlansQuery = { countries: Array<{ code: string, name: string, currentActionPlan: { id: string, title: string, status: PlanStatus, period: { start: number | null, end: number | null }, outcomes: Array<{ code: string, pillar: Pillar | null, statement: string, indicators: Array<{ id: string, code: string, title: string, unit: string, status: IndicatorStatus, progress: number | null, alignments: Array<{ frameworkCode: AlignmentFramework, indicatorCode: string }>, latestMeasurement: { id: string, period: string, value: number | null, status: MeasurementStatus, version: number } | null }> }>, budget: { costed: boolean | null, totals: Array<{ currency: string, allocated: number, disbursed: number, spent: number, executionRate: number | null }> }, budgetLines: Array<{ id: string, status: PublicationStatus }>, reports: Array<{ id: string, kind: ReportKind, status: PublicationStatus }>, assessment: { metCount: number, criteria: Array<{ criterion: AssessmentCriterionKey, met: boolean, evidence: string }> } } | null }> };

export type FrameworksQueryVariables = Exact<{ [key: string]: never; }>;


export type FrameworksQuery = { frameworks: Array<{ code: FrameworkCode, shortName: string, name: string, organisation: string, period: { start: number | null, end: number | null, extendedTo: number | null }, members: Array<{ code: string }> }> };

export type MembersQueryVariables = Exact<{ [key: string]: never; }>;


export type MembersQuery = { members: Array<{ countryCode: string, status: MemberStatus, contractVersion: string | null, lastCheckedAt: string | null, reason: string | null }> };

export type GoodPracticesQueryVariables = Exact<{
  theme?: Theme | null | undefined;
  countryCode?: string | null | undefined;
}>;


export type GoodPracticesQuery = { goodPractices: Array<{ id: string, title: string, summary: string, themes: Array<Theme>, countries: Array<{ code: string, name: string }>, session: { id: string, title: string } | null }> };

export type KnowledgeSearchQueryVariables = Exact<{
  query: string;
  filter?: KnowledgeSearchFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type KnowledgeSearchQuery = { search: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ rank: number, matchedBy: SearchMatch, snippet: string, cursor: string, node:
        | { __typename: 'GoodPractice', id: string, title: string, themes: Array<Theme>, isDemo: boolean, countries: Array<{ code: string }> }
        | { __typename: 'LearningSession', id: string, title: string, startsAt: string, timeZone: string | null, isDemo: boolean }
        | { __typename: 'Resource', id: string, title: string, publisher: string, year: number | null, isDemo: boolean, resourceKind: ResourceKind }
       }> } };

export type IndicatorsWithRelatedPracticesQueryVariables = Exact<{
  code: string;
}>;


export type IndicatorsWithRelatedPracticesQuery = { country: { code: string, name: string, memberStatus: MemberStatus, currentActionPlan: { id: string, countryCode: string, title: string, indicators: Array<{ id: string, code: string, title: string, status: IndicatorStatus, relatedPractices: Array<{ id: string, title: string, themes: Array<Theme>, pillars: Array<Pillar>, isDemo: boolean, countries: Array<{ code: string }> }> | null }>, assessment: { criteria: Array<{ criterion: AssessmentCriterionKey, met: boolean }> }, weakSpots: Array<{ criterion: AssessmentCriterionKey, themes: Array<Theme>, practices: Array<{ id: string, title: string }> }> | null, weakSpotPractices: Array<{ id: string, title: string, themes: Array<Theme>, isDemo: boolean, countries: Array<{ code: string }> }> | null } | null } | null };

export type LearningSessionsQueryVariables = Exact<{
  when?: SessionTiming | null | undefined;
}>;


export type LearningSessionsQuery = { learningSessions: Array<{ id: string, title: string, kind: SessionKind, series: string | null, startsAt: string, endsAt: string | null, timeZone: string | null, access: SessionAccess | null, chathamHouse: boolean, capacity: number | null, seatsLeft: number | null, timing: SessionTiming, isDemo: boolean }> };

export type SessionCalendarQueryVariables = Exact<{
  id: string | number;
}>;


export type SessionCalendarQuery = { learningSession: { id: string, title: string, icalendar: string } | null };

export type ResourcesQueryVariables = Exact<{
  kind?: ResourceKind | null | undefined;
  theme?: Theme | null | undefined;
}>;


export type ResourcesQuery = { resources: Array<{ id: string, title: string, kind: ResourceKind, publisher: string, year: number | null, summary: string | null, themes: Array<Theme>, isDemo: boolean }> };

export type FocalPointDirectoryQueryVariables = Exact<{
  countryCode?: string | null | undefined;
}>;


export type FocalPointDirectoryQuery = { focalPoints: Array<{ id: string, name: string, email: string, organisation: string, organisationKind: OrganisationKind, regionalOrganisation: string | null, role: string, isDemo: boolean, country: { code: string } | null }> };

export type ForumThreadsQueryVariables = Exact<{
  sessionId?: string | number | null | undefined;
}>;


export type ForumThreadsQuery = { forumThreads: Array<{ id: string, title: string, authorName: string | null, postCount: number, lastPostAt: string, session: { id: string, title: string } | null, posts: Array<{ id: string, body: string, authorName: string | null, postedAt: string }> }> };

export type RegisterForSessionMutationVariables = Exact<{
  sessionId: string | number;
}>;


export type RegisterForSessionMutation = { registerForSession: { id: string, status: RegistrationStatus, session: { id: string, seatsLeft: number | null } } };

export type ProposeGoodPracticeMutationVariables = Exact<{
  input: ProposeGoodPracticeInput;
}>;


export type ProposeGoodPracticeMutation = { proposeGoodPractice: { id: string, title: string, status: PracticeStatus } };

export type ModerateGoodPracticeMutationVariables = Exact<{
  id: string | number;
  decision: ModerationDecision;
  note?: string | null | undefined;
}>;


export type ModerateGoodPracticeMutation = { moderateGoodPractice: { id: string, status: PracticeStatus, moderatedAt: string | null } };

export type PostToForumMutationVariables = Exact<{
  input: PostToForumInput;
}>;


export type PostToForumMutation = { postToForum: { id: string, body: string, postedAt: string } };

export type IndicatorProgressQueryVariables = Exact<{
  frameworkCode: string;
  code: string;
  year?: number | null | undefined;
}>;


export type IndicatorProgressQuery = { frameworkIndicator: { code: string, title: string, pillar: Pillar | null, illustrative: boolean, progress: { year: number, rows: Array<{ countryCode: string, memberStatus: MemberStatus, status: IndicatorStatus | null, indicators: Array<{ latestValue: number | null, latestPeriod: string | null, status: IndicatorStatus, indicator: { code: string, title: string } }> | null }>, summary: { rows: number, connected: number, reporting: number, achieved: number, onTrack: number, offTrack: number, noData: number, notConnected: number, unavailable: number, onTrackShare: number | null } } } | null };

export type PillarIndicatorsProgressQueryVariables = Exact<{
  framework: FrameworkCode;
  pillar: Pillar;
  year?: number | null | undefined;
}>;


export type PillarIndicatorsProgressQuery = { framework: { code: FrameworkCode, indicators: Array<{ code: string, title: string, illustrative: boolean, progress: { year: number, rows: Array<{ countryCode: string, memberStatus: MemberStatus, status: IndicatorStatus | null }>, summary: { reporting: number, achieved: number, onTrack: number, offTrack: number, noData: number, notConnected: number, unavailable: number } } }>, pillarProgress: Array<{ pillar: Pillar, summary: { rows: number, reporting: number, achieved: number, onTrack: number, offTrack: number, noData: number, notConnected: number, unavailable: number } }> } | null };

export type FrameworkCoverageQueryVariables = Exact<{
  framework: FrameworkCode;
}>;


export type FrameworkCoverageQuery = { framework: { code: FrameworkCode, coverage: { members: Array<{ countryCode: string, memberStatus: MemberStatus, hasCurrentPlan: boolean | null, costed: boolean | null, hasMonitoringFramework: boolean | null, reportedLastCycle: boolean | null }>, summary: { members: number, connected: number, unavailable: number, withCurrentPlan: number, costed: number, withMonitoringFramework: number, reportedLastCycle: number, currentPlanShare: number | null, costedShare: number | null, monitoringFrameworkShare: number | null, reportedLastCycleShare: number | null } }, alignmentReports: Array<{ countryCode: string, alignedCodes: Array<string> | null, unmatchedCodes: Array<string> | null }> } | null };

export type FrameworkProgressExportQueryVariables = Exact<{
  framework: FrameworkCode;
  year?: number | null | undefined;
}>;


export type FrameworkProgressExportQuery = { framework: { code: FrameworkCode, indicators: Array<{ code: string, title: string, pillar: Pillar | null, illustrative: boolean, progress: { year: number, rows: Array<{ countryCode: string, memberStatus: MemberStatus, status: IndicatorStatus | null, country: { name: string }, indicators: Array<{ latestValue: number | null, latestPeriod: string | null, progress: number | null, status: IndicatorStatus, indicator: { code: string, title: string, unit: string }, baseline: { value: number, year: number | null } | null, target: { value: number, year: number | null } | null }> | null }> } }> } | null };

export type RegisterMemberMutationVariables = Exact<{
  input: RegisterMemberInput;
}>;


export type RegisterMemberMutation = { registerMember: { countryCode: string, status: MemberStatus } };

export type RemoveMemberMutationVariables = Exact<{
  countryCode: string;
}>;


export type RemoveMemberMutation = { removeMember: { countryCode: string } };

export type UpdateMemberMutationVariables = Exact<{
  countryCode: string;
  input: UpdateMemberInput;
}>;


export type UpdateMemberMutation = { updateMember: { countryCode: string, status: MemberStatus, reason: string | null } };

export type PublicRecordFieldsFragment = { countryCode: string, listed: boolean, secondGeneration: boolean, gathered: string, iterations: Array<{ iteration: number, sources: Array<string>, verified: boolean, note: string | null, sourceConflict: string | null, period: { start: number | null, end: number | null }, adopted: { value: string, precision: DatePrecision } | null }>, current: { iteration: number } | null, auStatus: { suspended: boolean, note: string | null, changes: Array<{ change: AuStatusChangeKind, detail: string | null, sources: Array<string>, sourceConflict: string | null, date: { value: string, precision: DatePrecision } }> } | null };

export type FrameworkPublicRecordQueryVariables = Exact<{
  framework: FrameworkCode;
}>;


export type FrameworkPublicRecordQuery = { countries: Array<{ code: string, name: string, memberStatus: MemberStatus, publicRecord: { countryCode: string, listed: boolean, secondGeneration: boolean, gathered: string, iterations: Array<{ iteration: number, sources: Array<string>, verified: boolean, note: string | null, sourceConflict: string | null, period: { start: number | null, end: number | null }, adopted: { value: string, precision: DatePrecision } | null }>, current: { iteration: number } | null, auStatus: { suspended: boolean, note: string | null, changes: Array<{ change: AuStatusChangeKind, detail: string | null, sources: Array<string>, sourceConflict: string | null, date: { value: string, precision: DatePrecision } }> } | null } }> };

export type FrameworkRecordCoverageQueryVariables = Exact<{
  framework: FrameworkCode;
  year?: number | null | undefined;
}>;


export type FrameworkRecordCoverageQuery = { framework: { code: FrameworkCode, coverage: { publicRecord: { source: string, gathered: string, year: number, members: number, withNap: number, withCurrentNap: number, withOpenEndedNap: number, withSecondGeneration: number, withoutNap: number, napShare: number | null, currentNapShare: number | null, secondGenerationShare: number | null } } } | null };

export type CountryRecordCheckQueryVariables = Exact<{
  code: string;
}>;


export type CountryRecordCheckQuery = { country: { code: string, memberStatus: MemberStatus, publicRecord: { countryCode: string, listed: boolean, secondGeneration: boolean, gathered: string, iterations: Array<{ iteration: number, sources: Array<string>, verified: boolean, note: string | null, sourceConflict: string | null, period: { start: number | null, end: number | null }, adopted: { value: string, precision: DatePrecision } | null }>, current: { iteration: number } | null, auStatus: { suspended: boolean, note: string | null, changes: Array<{ change: AuStatusChangeKind, detail: string | null, sources: Array<string>, sourceConflict: string | null, date: { value: string, precision: DatePrecision } }> } | null }, recordDisagreements: Array<{ iteration: number, field: RecordField, memberValue: string | null, recordValue: string | null }> | null, actionPlans: Array<{ id: string, iteration: number, adoptedOn: string | null, period: { start: number | null, end: number | null }, publicRecordCheck: { agrees: boolean, differences: Array<{ field: RecordField, memberValue: string | null, recordValue: string | null }>, record: { iteration: number } | null } | null }> | null } | null };

export type SubmissionStateFragment = { id: string, countryCode: string, frameworkCode: string, year: number, status: SubmissionStatus, planId: string, submittedVersion: number | null, submittedAt: string | null, completeness: { complete: boolean, required: Array<string>, answered: Array<string>, explained: Array<string>, missing: Array<string> }, versions: Array<{ version: number, contentHash: string, complete: boolean, lockedAt: string }> };

export type PrepareSubmissionMutationVariables = Exact<{
  countryCode: string;
  frameworkCode: AlignmentFramework;
  year: number;
  idempotencyKey?: string | null | undefined;
}>;


export type PrepareSubmissionMutation = { prepareSubmission: { id: string, countryCode: string, frameworkCode: string, year: number, status: SubmissionStatus, planId: string, submittedVersion: number | null, submittedAt: string | null, completeness: { complete: boolean, required: Array<string>, answered: Array<string>, explained: Array<string>, missing: Array<string> }, versions: Array<{ version: number, contentHash: string, complete: boolean, lockedAt: string }> } | null };

export type ExplainGapMutationVariables = Exact<{
  countryCode: string;
  submissionId: string | number;
  indicatorCode: string;
  explanation: string;
  idempotencyKey?: string | null | undefined;
}>;


export type ExplainGapMutation = { explainGap: { id: string, countryCode: string, frameworkCode: string, year: number, status: SubmissionStatus, planId: string, submittedVersion: number | null, submittedAt: string | null, completeness: { complete: boolean, required: Array<string>, answered: Array<string>, explained: Array<string>, missing: Array<string> }, versions: Array<{ version: number, contentHash: string, complete: boolean, lockedAt: string }> } | null };

export type CheckSubmissionMutationVariables = Exact<{
  countryCode: string;
  submissionId: string | number;
}>;


export type CheckSubmissionMutation = { checkSubmission: { complete: boolean, required: Array<string>, answered: Array<string>, explained: Array<string>, missing: Array<string> } | null };

export type LockSubmissionMutationVariables = Exact<{
  countryCode: string;
  submissionId: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type LockSubmissionMutation = { lockSubmission: { id: string, countryCode: string, frameworkCode: string, year: number, status: SubmissionStatus, planId: string, submittedVersion: number | null, submittedAt: string | null, completeness: { complete: boolean, required: Array<string>, answered: Array<string>, explained: Array<string>, missing: Array<string> }, versions: Array<{ version: number, contentHash: string, complete: boolean, lockedAt: string }> } | null };

export type SubmitSubmissionMutationVariables = Exact<{
  countryCode: string;
  submissionId: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type SubmitSubmissionMutation = { submitSubmission: { id: string, countryCode: string, frameworkCode: string, year: number, status: SubmissionStatus, planId: string, submittedVersion: number | null, submittedAt: string | null, cycle: { submittedVersion: number | null, submittedContentHash: string | null, hubReceipt: { cycleCode: string, countryCode: string, version: number, contentHash: string, memberHashMatched: boolean, answered: number, explained: number, receivedAt: string, late: boolean } | null }, completeness: { complete: boolean, required: Array<string>, answered: Array<string>, explained: Array<string>, missing: Array<string> }, versions: Array<{ version: number, contentHash: string, complete: boolean, lockedAt: string }> } | null };

export type SubmissionExportQueryVariables = Exact<{
  countryCode: string;
  frameworkCode: AlignmentFramework;
  year: number;
}>;


export type SubmissionExportQuery = { submission: { id: string, countryCode: string, frameworkCode: string, year: number, status: SubmissionStatus, planId: string, submittedVersion: number | null, submittedAt: string | null, cycle: { submittedVersion: number | null, submittedContent: string | null, submittedContentHash: string | null }, completeness: { complete: boolean, required: Array<string>, answered: Array<string>, explained: Array<string>, missing: Array<string> }, versions: Array<{ version: number, contentHash: string, complete: boolean, lockedAt: string }> } | null };

export type ReportingCycleStatusQueryVariables = Exact<{
  code: string;
}>;


export type ReportingCycleStatusQuery = { reportingCycle: { code: string, frameworkCode: string, year: number, title: string, dueOn: string, dueIllustrative: boolean, cadenceIllustrative: boolean, status: { summary: { members: number, submitted: number, submittedLate: number, withGaps: number, late: number, open: number, disagreements: number }, rows: Array<{ countryCode: string, memberStatus: MemberStatus, state: CycleMemberState, receiptAgrees: boolean | null, gaps: number | null, receipt: { version: number, contentHash: string, receivedAt: string, late: boolean, answered: number, explained: number } | null }> } } | null };

export type FrameworkReportingCyclesQueryVariables = Exact<{
  code: FrameworkCode;
}>;


export type FrameworkReportingCyclesQuery = { framework: { code: FrameworkCode, reportingCycles: Array<{ code: string, year: number, dueOn: string, dueIllustrative: boolean, cadence: string, cadenceNote: string, cadenceIllustrative: boolean, sources: Array<string> }> } | null };

export type CreateActionPlanMutationVariables = Exact<{
  countryCode: string;
  input: CreateActionPlanInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateActionPlanMutation = { createActionPlan: { id: string, countryCode: string, iteration: number, title: string, status: PlanStatus, period: { start: number | null, end: number | null } } | null };

export type CreateActionPlansInTwoCountriesMutationVariables = Exact<{
  firstCountry: string;
  firstInput: CreateActionPlanInput;
  secondCountry: string;
  secondInput: CreateActionPlanInput;
}>;


export type CreateActionPlansInTwoCountriesMutation = { first: { id: string, countryCode: string, iteration: number } | null, second: { id: string, countryCode: string, iteration: number } | null };

export type CreateOutcomeMutationVariables = Exact<{
  countryCode: string;
  planId: string | number;
  input: CreateOutcomeInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateOutcomeMutation = { createOutcome: { id: string, code: string, pillar: Pillar | null, nationalPillar: string | null, statement: string } | null };

export type CreateIndicatorMutationVariables = Exact<{
  countryCode: string;
  planId: string | number;
  input: CreateIndicatorInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateIndicatorMutation = { createIndicator: { id: string, code: string, title: string, unit: string, level: IndicatorLevel, kind: IndicatorKind, baseline: { value: number, year: number | null } | null, target: { value: number, year: number | null } | null, alignments: Array<{ frameworkCode: AlignmentFramework, indicatorCode: string }> } | null };

export type RecordMeasurementMutationVariables = Exact<{
  countryCode: string;
  input: RecordMeasurementInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RecordMeasurementMutation = { recordMeasurement: { id: string, period: string, value: number | null, status: MeasurementStatus, version: number, recordedBy: string } | null };

export type PublishMeasurementMutationVariables = Exact<{
  countryCode: string;
  id: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type PublishMeasurementMutation = { publishMeasurement: { id: string, period: string, value: number | null, status: MeasurementStatus, version: number, publishedAt: string | null } | null };

export type ImportMeasurementsMutationVariables = Exact<{
  countryCode: string;
  planId: string | number;
  csv: string;
  idempotencyKey?: string | null | undefined;
}>;


export type ImportMeasurementsMutation = { importMeasurements: { imported: number, measurements: Array<{ id: string, period: string, value: number | null, status: MeasurementStatus, version: number }> } | null };

export type UpdateActionPlanMutationVariables = Exact<{
  countryCode: string;
  id: string | number;
  input: UpdateActionPlanInput;
}>;


export type UpdateActionPlanMutation = { updateActionPlan: { id: string, iteration: number, period: { start: number | null, end: number | null } } | null };

export const PublicRecordFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicNapRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"listed"}},{"kind":"Field","name":{"kind":"Name","value":"secondGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"gathered"}},{"kind":"Field","name":{"kind":"Name","value":"iterations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adopted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConflict"}}]}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iteration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"date"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConflict"}}]}}]}}]}}]} as unknown as DocumentNode<PublicRecordFieldsFragment, unknown>;
export const SubmissionStateFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubmissionState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Submission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"frameworkCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"submittedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"explained"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}}]}}]}}]} as unknown as DocumentNode<SubmissionStateFragment, unknown>;
export const CountryProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CountryProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"alpha3"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"framework"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"adoptedOn"}},{"kind":"Field","name":{"kind":"Name","value":"demoFields"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"references"}},{"kind":"Field","name":{"kind":"Name","value":"conflict"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"goodPractices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<CountryProfileQuery, CountryProfileQueryVariables>;
export const MemberActionPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberActionPlans"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionPlans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"inForce"}}]}}]}}]} as unknown as DocumentNode<MemberActionPlansQuery, MemberActionPlansQueryVariables>;
export const MemberIndicatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberIndicator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"measurements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}}]}}]}}]}}]} as unknown as DocumentNode<MemberIndicatorQuery, MemberIndicatorQueryVariables>;
export const FrameworkProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FrameworkProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"framework"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FrameworkCode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"framework"},"value":{"kind":"Variable","name":{"kind":"Name","value":"framework"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}},{"kind":"Field","name":{"kind":"Name","value":"currentActionPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"measurements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FrameworkProgressQuery, FrameworkProgressQueryVariables>;
export const ConnectedCountriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConnectedCountries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"framework"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FrameworkCode"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"memberStatus"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"framework"},"value":{"kind":"Variable","name":{"kind":"Name","value":"framework"}}},{"kind":"Argument","name":{"kind":"Name","value":"memberStatus"},"value":{"kind":"Variable","name":{"kind":"Name","value":"memberStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}}]}}]}}]} as unknown as DocumentNode<ConnectedCountriesQuery, ConnectedCountriesQueryVariables>;
export const FrameworkPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FrameworkPlans"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"framework"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FrameworkCode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"framework"},"value":{"kind":"Variable","name":{"kind":"Name","value":"framework"}}},{"kind":"Argument","name":{"kind":"Name","value":"memberStatus"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currentActionPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"pillar"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"alignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frameworkCode"}},{"kind":"Field","name":{"kind":"Name","value":"indicatorCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestMeasurement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costed"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"allocated"}},{"kind":"Field","name":{"kind":"Name","value":"disbursed"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"executionRate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgetLines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metCount"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FrameworkPlansQuery, FrameworkPlansQueryVariables>;
export const FrameworksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Frameworks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frameworks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"extendedTo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<FrameworksQuery, FrameworksQueryVariables>;
export const MembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contractVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const GoodPracticesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GoodPractices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"theme"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Theme"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goodPractices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"theme"},"value":{"kind":"Variable","name":{"kind":"Name","value":"theme"}}},{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<GoodPracticesQuery, GoodPracticesQueryVariables>;
export const KnowledgeSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KnowledgeSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"KnowledgeSearchFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"matchedBy"}},{"kind":"Field","name":{"kind":"Name","value":"snippet"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GoodPractice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}},{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LearningSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","alias":{"kind":"Name","value":"resourceKind"},"name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"publisher"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<KnowledgeSearchQuery, KnowledgeSearchQueryVariables>;
export const IndicatorsWithRelatedPracticesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IndicatorsWithRelatedPractices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}},{"kind":"Field","name":{"kind":"Name","value":"currentActionPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"relatedPractices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"pillars"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}},{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"weakSpots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"practices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"weakSpotPractices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}},{"kind":"Field","name":{"kind":"Name","value":"countries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IndicatorsWithRelatedPracticesQuery, IndicatorsWithRelatedPracticesQueryVariables>;
export const LearningSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LearningSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"when"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SessionTiming"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learningSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"when"},"value":{"kind":"Variable","name":{"kind":"Name","value":"when"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"series"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"chathamHouse"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"seatsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"timing"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}}]}}]}}]} as unknown as DocumentNode<LearningSessionsQuery, LearningSessionsQueryVariables>;
export const SessionCalendarDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionCalendar"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learningSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"icalendar"}}]}}]}}]} as unknown as DocumentNode<SessionCalendarQuery, SessionCalendarQueryVariables>;
export const ResourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Resources"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"theme"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Theme"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"theme"},"value":{"kind":"Variable","name":{"kind":"Name","value":"theme"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"publisher"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}}]}}]}}]} as unknown as DocumentNode<ResourcesQuery, ResourcesQueryVariables>;
export const FocalPointDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FocalPointDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"focalPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"organisationKind"}},{"kind":"Field","name":{"kind":"Name","value":"regionalOrganisation"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<FocalPointDirectoryQuery, FocalPointDirectoryQueryVariables>;
export const ForumThreadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ForumThreads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forumThreads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"postCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastPostAt"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"posts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"postedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ForumThreadsQuery, ForumThreadsQueryVariables>;
export const RegisterForSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterForSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerForSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seatsLeft"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterForSessionMutation, RegisterForSessionMutationVariables>;
export const ProposeGoodPracticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProposeGoodPractice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProposeGoodPracticeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposeGoodPractice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ProposeGoodPracticeMutation, ProposeGoodPracticeMutationVariables>;
export const ModerateGoodPracticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ModerateGoodPractice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"decision"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModerationDecision"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderateGoodPractice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"decision"},"value":{"kind":"Variable","name":{"kind":"Name","value":"decision"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"moderatedAt"}}]}}]}}]} as unknown as DocumentNode<ModerateGoodPracticeMutation, ModerateGoodPracticeMutationVariables>;
export const PostToForumDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostToForum"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostToForumInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postToForum"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"postedAt"}}]}}]}}]} as unknown as DocumentNode<PostToForumMutation, PostToForumMutationVariables>;
export const IndicatorProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IndicatorProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"frameworkCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frameworkIndicator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"frameworkCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"frameworkCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"pillar"}},{"kind":"Field","name":{"kind":"Name","value":"illustrative"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestValue"}},{"kind":"Field","name":{"kind":"Name","value":"latestPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"reporting"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"onTrack"}},{"kind":"Field","name":{"kind":"Name","value":"offTrack"}},{"kind":"Field","name":{"kind":"Name","value":"noData"}},{"kind":"Field","name":{"kind":"Name","value":"notConnected"}},{"kind":"Field","name":{"kind":"Name","value":"unavailable"}},{"kind":"Field","name":{"kind":"Name","value":"onTrackShare"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IndicatorProgressQuery, IndicatorProgressQueryVariables>;
export const PillarIndicatorsProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PillarIndicatorsProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"framework"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FrameworkCode"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pillar"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Pillar"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"framework"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"framework"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pillar"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pillar"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"illustrative"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reporting"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"onTrack"}},{"kind":"Field","name":{"kind":"Name","value":"offTrack"}},{"kind":"Field","name":{"kind":"Name","value":"noData"}},{"kind":"Field","name":{"kind":"Name","value":"notConnected"}},{"kind":"Field","name":{"kind":"Name","value":"unavailable"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pillarProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pillar"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"reporting"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"onTrack"}},{"kind":"Field","name":{"kind":"Name","value":"offTrack"}},{"kind":"Field","name":{"kind":"Name","value":"noData"}},{"kind":"Field","name":{"kind":"Name","value":"notConnected"}},{"kind":"Field","name":{"kind":"Name","value":"unavailable"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PillarIndicatorsProgressQuery, PillarIndicatorsProgressQueryVariables>;
export const FrameworkCoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FrameworkCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"framework"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FrameworkCode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"framework"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"framework"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}},{"kind":"Field","name":{"kind":"Name","value":"hasCurrentPlan"}},{"kind":"Field","name":{"kind":"Name","value":"costed"}},{"kind":"Field","name":{"kind":"Name","value":"hasMonitoringFramework"}},{"kind":"Field","name":{"kind":"Name","value":"reportedLastCycle"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"unavailable"}},{"kind":"Field","name":{"kind":"Name","value":"withCurrentPlan"}},{"kind":"Field","name":{"kind":"Name","value":"costed"}},{"kind":"Field","name":{"kind":"Name","value":"withMonitoringFramework"}},{"kind":"Field","name":{"kind":"Name","value":"reportedLastCycle"}},{"kind":"Field","name":{"kind":"Name","value":"currentPlanShare"}},{"kind":"Field","name":{"kind":"Name","value":"costedShare"}},{"kind":"Field","name":{"kind":"Name","value":"monitoringFrameworkShare"}},{"kind":"Field","name":{"kind":"Name","value":"reportedLastCycleShare"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"alignmentReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"alignedCodes"}},{"kind":"Field","name":{"kind":"Name","value":"unmatchedCodes"}}]}}]}}]}}]} as unknown as DocumentNode<FrameworkCoverageQuery, FrameworkCoverageQueryVariables>;
export const FrameworkProgressExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FrameworkProgressExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"framework"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FrameworkCode"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"framework"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"framework"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"pillar"}},{"kind":"Field","name":{"kind":"Name","value":"illustrative"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"year"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"year"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestValue"}},{"kind":"Field","name":{"kind":"Name","value":"latestPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FrameworkProgressExportQuery, FrameworkProgressExportQueryVariables>;
export const RegisterMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RegisterMemberMutation, RegisterMemberMutationVariables>;
export const RemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const UpdateMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<UpdateMemberMutation, UpdateMemberMutationVariables>;
export const FrameworkPublicRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FrameworkPublicRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"framework"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FrameworkCode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"framework"},"value":{"kind":"Variable","name":{"kind":"Name","value":"framework"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}},{"kind":"Field","name":{"kind":"Name","value":"publicRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicRecordFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicNapRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"listed"}},{"kind":"Field","name":{"kind":"Name","value":"secondGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"gathered"}},{"kind":"Field","name":{"kind":"Name","value":"iterations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adopted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConflict"}}]}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iteration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"date"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConflict"}}]}}]}}]}}]} as unknown as DocumentNode<FrameworkPublicRecordQuery, FrameworkPublicRecordQueryVariables>;
export const FrameworkRecordCoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FrameworkRecordCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"framework"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FrameworkCode"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"framework"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"framework"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"gathered"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"members"}},{"kind":"Field","name":{"kind":"Name","value":"withNap"}},{"kind":"Field","name":{"kind":"Name","value":"withCurrentNap"}},{"kind":"Field","name":{"kind":"Name","value":"withOpenEndedNap"}},{"kind":"Field","name":{"kind":"Name","value":"withSecondGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"withoutNap"}},{"kind":"Field","name":{"kind":"Name","value":"napShare"}},{"kind":"Field","name":{"kind":"Name","value":"currentNapShare"}},{"kind":"Field","name":{"kind":"Name","value":"secondGenerationShare"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FrameworkRecordCoverageQuery, FrameworkRecordCoverageQueryVariables>;
export const CountryRecordCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CountryRecordCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}},{"kind":"Field","name":{"kind":"Name","value":"publicRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recordDisagreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"memberValue"}},{"kind":"Field","name":{"kind":"Name","value":"recordValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"adoptedOn"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publicRecordCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agrees"}},{"kind":"Field","name":{"kind":"Name","value":"differences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"memberValue"}},{"kind":"Field","name":{"kind":"Name","value":"recordValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iteration"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicNapRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"listed"}},{"kind":"Field","name":{"kind":"Name","value":"secondGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"gathered"}},{"kind":"Field","name":{"kind":"Name","value":"iterations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adopted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConflict"}}]}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iteration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"date"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"sourceConflict"}}]}}]}}]}}]} as unknown as DocumentNode<CountryRecordCheckQuery, CountryRecordCheckQueryVariables>;
export const PrepareSubmissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PrepareSubmission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"frameworkCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AlignmentFramework"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prepareSubmission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"frameworkCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"frameworkCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubmissionState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubmissionState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Submission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"frameworkCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"submittedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"explained"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}}]}}]}}]} as unknown as DocumentNode<PrepareSubmissionMutation, PrepareSubmissionMutationVariables>;
export const ExplainGapDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExplainGap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"indicatorCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"explanation"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"explainGap"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"submissionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"indicatorCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"indicatorCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"explanation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"explanation"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubmissionState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubmissionState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Submission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"frameworkCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"submittedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"explained"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}}]}}]}}]} as unknown as DocumentNode<ExplainGapMutation, ExplainGapMutationVariables>;
export const CheckSubmissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckSubmission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkSubmission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"submissionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"explained"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}}]}}]} as unknown as DocumentNode<CheckSubmissionMutation, CheckSubmissionMutationVariables>;
export const LockSubmissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LockSubmission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lockSubmission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"submissionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubmissionState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubmissionState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Submission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"frameworkCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"submittedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"explained"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}}]}}]}}]} as unknown as DocumentNode<LockSubmissionMutation, LockSubmissionMutationVariables>;
export const SubmitSubmissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitSubmission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitSubmission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"submissionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubmissionState"}},{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submittedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"submittedContentHash"}},{"kind":"Field","name":{"kind":"Name","value":"hubReceipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cycleCode"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"memberHashMatched"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"explained"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubmissionState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Submission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"frameworkCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"submittedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"explained"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}}]}}]}}]} as unknown as DocumentNode<SubmitSubmissionMutation, SubmitSubmissionMutationVariables>;
export const SubmissionExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubmissionExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"frameworkCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AlignmentFramework"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"frameworkCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"frameworkCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubmissionState"}},{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submittedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"submittedContent"}},{"kind":"Field","name":{"kind":"Name","value":"submittedContentHash"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubmissionState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Submission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"frameworkCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"submittedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"explained"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}}]}}]}}]} as unknown as DocumentNode<SubmissionExportQuery, SubmissionExportQueryVariables>;
export const ReportingCycleStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportingCycleStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportingCycle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"frameworkCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueIllustrative"}},{"kind":"Field","name":{"kind":"Name","value":"cadenceIllustrative"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"}},{"kind":"Field","name":{"kind":"Name","value":"submitted"}},{"kind":"Field","name":{"kind":"Name","value":"submittedLate"}},{"kind":"Field","name":{"kind":"Name","value":"withGaps"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"disagreements"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"receiptAgrees"}},{"kind":"Field","name":{"kind":"Name","value":"gaps"}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"explained"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReportingCycleStatusQuery, ReportingCycleStatusQueryVariables>;
export const FrameworkReportingCyclesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FrameworkReportingCycles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FrameworkCode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"framework"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reportingCycles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueIllustrative"}},{"kind":"Field","name":{"kind":"Name","value":"cadence"}},{"kind":"Field","name":{"kind":"Name","value":"cadenceNote"}},{"kind":"Field","name":{"kind":"Name","value":"cadenceIllustrative"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}}]}}]}}]}}]} as unknown as DocumentNode<FrameworkReportingCyclesQuery, FrameworkReportingCyclesQueryVariables>;
export const CreateActionPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateActionPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateActionPlanInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createActionPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]}}]} as unknown as DocumentNode<CreateActionPlanMutation, CreateActionPlanMutationVariables>;
export const CreateActionPlansInTwoCountriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateActionPlansInTwoCountries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"firstCountry"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"firstInput"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateActionPlanInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"secondCountry"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"secondInput"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateActionPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"first"},"name":{"kind":"Name","value":"createActionPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"firstCountry"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"firstInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"iteration"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"second"},"name":{"kind":"Name","value":"createActionPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"secondCountry"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"secondInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"iteration"}}]}}]}}]} as unknown as DocumentNode<CreateActionPlansInTwoCountriesMutation, CreateActionPlansInTwoCountriesMutationVariables>;
export const CreateOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOutcomeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOutcome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"pillar"}},{"kind":"Field","name":{"kind":"Name","value":"nationalPillar"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}}]}}]}}]} as unknown as DocumentNode<CreateOutcomeMutation, CreateOutcomeMutationVariables>;
export const CreateIndicatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateIndicator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIndicatorInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIndicator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"baseline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"year"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"year"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frameworkCode"}},{"kind":"Field","name":{"kind":"Name","value":"indicatorCode"}}]}}]}}]}}]} as unknown as DocumentNode<CreateIndicatorMutation, CreateIndicatorMutationVariables>;
export const RecordMeasurementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMeasurement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordMeasurementInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordMeasurement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}}]}}]}}]} as unknown as DocumentNode<RecordMeasurementMutation, RecordMeasurementMutationVariables>;
export const PublishMeasurementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishMeasurement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishMeasurement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]} as unknown as DocumentNode<PublishMeasurementMutation, PublishMeasurementMutationVariables>;
export const ImportMeasurementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportMeasurements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"csv"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importMeasurements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}},{"kind":"Argument","name":{"kind":"Name","value":"csv"},"value":{"kind":"Variable","name":{"kind":"Name","value":"csv"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"measurements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<ImportMeasurementsMutation, ImportMeasurementsMutationVariables>;
export const UpdateActionPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateActionPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateActionPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateActionPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"iteration"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateActionPlanMutation, UpdateActionPlanMutationVariables>;