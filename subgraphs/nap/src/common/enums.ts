import { registerEnumType } from 'type-graphql';

/** Shared with the other subgraphs (one definition, so they compose): see the kit's shared-enums.ts. */
export { AlignmentFramework, AssessmentCriterionKey, IndicatorLevel, IndicatorStatus, Pillar } from '@wps/kit';

/** Enums of the NAP contract, registered once. Values are stored as text with CHECK constraints. */

export enum PlanFocus {
  DOMESTIC = 'DOMESTIC',
  INTERNATIONAL = 'INTERNATIONAL',
  BOTH = 'BOTH',
}
registerEnumType(PlanFocus, { name: 'PlanFocus', description: 'Whether a plan acts at home, abroad (foreign policy, missions), or both.' });

export enum CivilSocietyRole {
  DESIGN = 'DESIGN',
  IMPLEMENTATION = 'IMPLEMENTATION',
  MONITORING = 'MONITORING',
}
registerEnumType(CivilSocietyRole, { name: 'CivilSocietyRole' });

export enum DocumentKind {
  PLAN = 'PLAN',
  IMPLEMENTATION_PLAN = 'IMPLEMENTATION_PLAN',
  BASELINE_STUDY = 'BASELINE_STUDY',
  REPORT = 'REPORT',
  OTHER = 'OTHER',
}
registerEnumType(DocumentKind, { name: 'DocumentKind' });

export enum PartnerKind {
  MINISTRY = 'MINISTRY',
  DEPARTMENT = 'DEPARTMENT',
  AGENCY = 'AGENCY',
  CSO = 'CSO',
  PARLIAMENT = 'PARLIAMENT',
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
}
registerEnumType(PartnerKind, { name: 'PartnerKind' });

export enum PartnerRole {
  WPS_CHAMPION = 'WPS_CHAMPION',
  FOCAL_POINT = 'FOCAL_POINT',
}
registerEnumType(PartnerRole, { name: 'PartnerRole', description: "The partner's WPS representative: a senior champion or a departmental focal point." });

export enum ActivityStatus {
  PLANNED = 'PLANNED',
  ONGOING = 'ONGOING',
  COMPLETED = 'COMPLETED',
  DELAYED = 'DELAYED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActivityStatus, { name: 'ActivityStatus' });

export enum IndicatorKind {
  QUANTITATIVE = 'QUANTITATIVE',
  QUALITATIVE = 'QUALITATIVE',
}
registerEnumType(IndicatorKind, { name: 'IndicatorKind' });

export enum ReportingFrequency {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  SEMI_ANNUAL = 'SEMI_ANNUAL',
  ANNUAL = 'ANNUAL',
  BIENNIAL = 'BIENNIAL',
  END_OF_PLAN = 'END_OF_PLAN',
}
registerEnumType(ReportingFrequency, { name: 'ReportingFrequency' });

/** What a reporter may say of a qualitative indicator (NO_DATA is never reported, it is the absence of a report). */
export enum ReportedStatus {
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  OFF_TRACK = 'OFF_TRACK',
}
registerEnumType(ReportedStatus, { name: 'ReportedStatus' });

export enum FundingSource {
  NATIONAL_BUDGET = 'NATIONAL_BUDGET',
  DONOR = 'DONOR',
  BASKET_FUND = 'BASKET_FUND',
  OTHER = 'OTHER',
}
registerEnumType(FundingSource, { name: 'FundingSource' });

export enum PublicationStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(PublicationStatus, { name: 'PublicationStatus', description: 'Drafts stay with the member state; published items are public.' });

export enum ReportKind {
  ANNUAL = 'ANNUAL',
  MID_TERM_REVIEW = 'MID_TERM_REVIEW',
  FINAL_EVALUATION = 'FINAL_EVALUATION',
  PARLIAMENTARY = 'PARLIAMENTARY',
}
registerEnumType(ReportKind, { name: 'ReportKind' });

export enum GenderMarker {
  NOT_SCREENED = 'NOT_SCREENED',
  NOT_TARGETED = 'NOT_TARGETED',
  SIGNIFICANT = 'SIGNIFICANT',
  PRINCIPAL = 'PRINCIPAL',
}
registerEnumType(GenderMarker, {
  name: 'GenderMarker',
  description: 'OECD DAC gender equality policy marker: NOT_TARGETED (score 0), SIGNIFICANT (1), PRINCIPAL (2); NOT_SCREENED when nobody has scored the line.',
});

export enum RecipientType {
  GOVERNMENT = 'GOVERNMENT',
  CSO = 'CSO',
  WOMENS_RIGHTS_ORGANISATION = 'WOMENS_RIGHTS_ORGANISATION',
  GRASSROOTS = 'GRASSROOTS',
  MULTILATERAL = 'MULTILATERAL',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(RecipientType, {
  name: 'RecipientType',
  description: 'Who received a disbursement. Civil society = CSO + WOMENS_RIGHTS_ORGANISATION + GRASSROOTS; UNKNOWN also stands for the part of a line\'s disbursed total recorded without rows.',
});
