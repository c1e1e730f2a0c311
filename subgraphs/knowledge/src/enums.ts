import { registerEnumType } from 'type-graphql';

/** The hub's theme vocabulary (data/knowledge.json `_about`). */
export enum Theme {
  MONITORING_EVALUATION = 'MONITORING_EVALUATION',
  FINANCING = 'FINANCING',
  COORDINATION = 'COORDINATION',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  LOCALIZATION = 'LOCALIZATION',
  REGIONAL_COOPERATION = 'REGIONAL_COOPERATION',
  POLITICAL_WILL = 'POLITICAL_WILL',
  INDICATORS = 'INDICATORS',
  REPORTING = 'REPORTING',
  CAPACITY_BUILDING = 'CAPACITY_BUILDING',
  PARLIAMENTARY_OVERSIGHT = 'PARLIAMENTARY_OVERSIGHT',
}
registerEnumType(Theme, { name: 'Theme', description: 'Themes of the Focal Points Network.' });

export enum SessionKind {
  WEBINAR = 'WEBINAR',
  WORKING_GROUP = 'WORKING_GROUP',
  VIRTUAL_DIALOGUE = 'VIRTUAL_DIALOGUE',
}
registerEnumType(SessionKind, { name: 'SessionKind' });

export enum SessionAccess {
  OPEN = 'OPEN',
  INVITATION_ONLY = 'INVITATION_ONLY',
  ON_REQUEST = 'ON_REQUEST',
}
registerEnumType(SessionAccess, {
  name: 'SessionAccess',
  valuesConfig: {
    OPEN: { description: 'Any network member registers and is confirmed (while seats last).' },
    INVITATION_ONLY: { description: 'Only invited network members may register.' },
    ON_REQUEST: { description: 'Registrations are requests (PENDING) until a network admin confirms them.' },
  },
});

export enum SessionFormat {
  PLENARY = 'PLENARY',
  BREAKOUT = 'BREAKOUT',
}
registerEnumType(SessionFormat, { name: 'SessionFormat' });

/** Whether a session is still to come or has taken place. */
export enum SessionTiming {
  UPCOMING = 'UPCOMING',
  PAST = 'PAST',
}
registerEnumType(SessionTiming, {
  name: 'SessionTiming',
  valuesConfig: {
    UPCOMING: { description: 'Not yet ended, soonest first.' },
    PAST: { description: 'Ended, latest first.' },
  },
});

/**
 * The four pillars of UNSCR 1325. The same values as the NAP contract's and
 * the regional subgraph's Pillar (an enum used as input must match in every subgraph).
 */
export enum Pillar {
  PARTICIPATION = 'PARTICIPATION',
  PREVENTION = 'PREVENTION',
  PROTECTION = 'PROTECTION',
  RELIEF_AND_RECOVERY = 'RELIEF_AND_RECOVERY',
}
registerEnumType(Pillar, { name: 'Pillar', description: 'The four pillars of UNSCR 1325.' });

/** The same values as the NAP contract's AlignmentFramework. */
export enum AlignmentFramework {
  AU_CRF = 'AU_CRF',
  EU_GAP_III = 'EU_GAP_III',
  OSCE = 'OSCE',
  UN_1325 = 'UN_1325',
}
registerEnumType(AlignmentFramework, {
  name: 'AlignmentFramework',
  description: 'Frameworks a national indicator may align to: the three regional frameworks and the UN global WPS indicators.',
});

/** A proposed practice is a DRAFT until a network admin publishes or rejects it. */
export enum PracticeStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
}
registerEnumType(PracticeStatus, {
  name: 'PracticeStatus',
  description: 'Drafts and rejected proposals are visible to their proposer and network admins only; published practices are public.',
});

export enum ModerationDecision {
  PUBLISH = 'PUBLISH',
  REJECT = 'REJECT',
}
registerEnumType(ModerationDecision, { name: 'ModerationDecision' });

export enum ResourceKind {
  STUDY = 'STUDY',
  GUIDE = 'GUIDE',
  MANUAL = 'MANUAL',
  EVALUATION = 'EVALUATION',
  REPORT = 'REPORT',
  TOOLKIT = 'TOOLKIT',
}
registerEnumType(ResourceKind, { name: 'ResourceKind', description: 'Studies, guides, manuals, evaluations, reports and toolkits.' });

export enum RegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  PENDING = 'PENDING',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  valuesConfig: {
    CONFIRMED: { description: 'Has a seat.' },
    PENDING: { description: 'Asked for a seat at an ON_REQUEST session; holds it until a network admin decides.' },
    DECLINED: { description: 'A network admin declined the request.' },
    CANCELLED: { description: 'Cancelled by the member; registering again re-opens it.' },
  },
});

export enum RegistrationDecision {
  CONFIRM = 'CONFIRM',
  DECLINE = 'DECLINE',
}
registerEnumType(RegistrationDecision, { name: 'RegistrationDecision' });

export enum OrganisationKind {
  STATE = 'STATE',
  REGIONAL_ORGANISATION = 'REGIONAL_ORGANISATION',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind', description: 'Whether a focal point represents a state or a regional organisation.' });

/** Kinds of items the search covers. */
export enum KnowledgeKind {
  GOOD_PRACTICE = 'GOOD_PRACTICE',
  LEARNING_SESSION = 'LEARNING_SESSION',
  RESOURCE = 'RESOURCE',
}
registerEnumType(KnowledgeKind, { name: 'KnowledgeKind' });

export enum SearchMatch {
  FULL_TEXT = 'FULL_TEXT',
  FUZZY = 'FUZZY',
}
registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  valuesConfig: {
    FULL_TEXT: { description: 'Every word of the query (or a word it starts) is in the item, after stemming.' },
    FUZZY: { description: 'No full-text match: the query is close to a word of the title or themes (a typo), by trigram similarity.' },
  },
});

/** The NAP contract's IndicatorStatus (knowledge reads it through @requires; values kept identical). */
export enum IndicatorStatus {
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  OFF_TRACK = 'OFF_TRACK',
  NO_DATA = 'NO_DATA',
}
registerEnumType(IndicatorStatus, {
  name: 'IndicatorStatus',
  description: 'Progress of an indicator from its latest published value (see Indicator.status for the rule).',
});

/** The NAP contract's AssessmentCriterionKey (read through @requires; values kept identical). */
export enum AssessmentCriterionKey {
  INCLUSIVE_DESIGN = 'INCLUSIVE_DESIGN',
  RESULTS_BASED_MONITORING = 'RESULTS_BASED_MONITORING',
  RESOURCES = 'RESOURCES',
  COORDINATION = 'COORDINATION',
  REPORTING_REGULARITY = 'REPORTING_REGULARITY',
}
registerEnumType(AssessmentCriterionKey, {
  name: 'AssessmentCriterionKey',
  description: "Inclusive Security's high-impact NAP criteria, as checks on the plan's data.",
});
