import { registerEnumType } from 'type-graphql';

/** Shared with the other subgraphs (one definition, so they compose): see the kit's shared-enums.ts. */
export { AlignmentFramework, AssessmentCriterionKey, IndicatorStatus, Pillar } from '@wps/kit';

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
